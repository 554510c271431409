package org.junheng.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page of a top-level list as PostgreSQL writes its connection for a query it answers whole
 * ({@code sqlread}): the rows {@link Keyset#page} reads (the same seek, order and one extra row),
 * the same cursors and the same page info. The statement opens with {@link #with()}; edges are
 * the rows of {@code page_edges}, whose {@code page_key} is the cursor's key.
 */
public final class PageJson {

	private final PageQuery query;

	private final Long cursor;

	private final boolean readOnce;

	/**
	 * Refuses a cursor of another list or order, as {@link Keyset#page} does. {@code counted}:
	 * whether the statement writes {@link #totalCount()}.
	 */
	public PageJson(PageQuery query, boolean counted) {
		this.query = query;
		this.cursor = KeysetCursor.decode(query.page(), query.sort());
		this.readOnce = query.readsOnce(counted);
	}

	public String with() {
		String fetched = this.query.fetchedDescending() ? " desc" : " asc";
		return "with " + (this.readOnce ? this.query.matches() + ", " : "") + "page_rows as materialized (select "
				+ this.query.alias() + ".*, " + this.query.sort().expression() + " as page_sort, (" + this.query.key()
				+ ")::bigint as page_key" + this.query.seek(this.readOnce, this.cursor) + "), page_edges as (select * from page_rows order by page_sort"
				+ fetched + ", page_key" + fetched + " limit :page_size) ";
	}

	public String totalCount() {
		return this.query.count(this.readOnce);
	}

	// As Keyset's connection: the extra row tells whether there is more in the paging direction, a cursor that there is the other way.

	public String hasNextPage() {
		return this.query.page().backward() ? hadCursor() : more();
	}

	public String hasPreviousPage() {
		return this.query.page().backward() ? more() : hadCursor();
	}

	private String more() {
		return "((select count(*) from page_rows) > :page_size)";
	}

	private String hadCursor() {
		return (this.cursor != null) ? "true" : "false";
	}

	public String startCursor() {
		return "(select " + cursor("e") + " from page_edges e order by " + order("e", false) + " limit 1)";
	}

	public String endCursor() {
		return "(select " + cursor("e") + " from page_edges e order by " + order("e", true) + " limit 1)";
	}

	/** The cursor of the edge aliased {@code alias}. */
	public String cursor(String alias) {
		return KeysetCursor.sql(this.query.sort(), alias + ".page_key");
	}

	/** The order the client asked for, whichever way it pages, of the edges aliased {@code alias}. */
	public String order(String alias) {
		return order(alias, false);
	}

	private String order(String alias, boolean reversed) {
		String direction = (this.query.sort().descending() ^ reversed) ? " desc" : " asc";
		return alias + ".page_sort" + direction + ", " + alias + ".page_key" + direction;
	}

	/** The values of the statement's bind markers: the filter's and the page's. */
	public Map<String, Object> bindings() {
		Map<String, Object> bindings = new LinkedHashMap<>(this.query.where().bindings());
		bindings.put("limit", this.query.page().size() + 1);
		bindings.put("page_size", this.query.page().size());
		if (this.cursor != null) {
			bindings.put("cursor_id", this.cursor);
		}
		return bindings;
	}

}
