package org.junheng.system;

/**
 * One page of a top-level list as its resolver asks for it: the listed table ({@code from}, with
 * {@code alias}), the filter within the caller's scope, the order and the paging arguments.
 * {@link Keyset#page} runs it; {@link PageJson} writes the same page as PostgreSQL JSON.
 */
public record PageQuery(String from, String alias, SqlWhere where, Keyset.Sort sort, PageRequest page) {

	String key() {
		return this.alias + "." + this.sort.key();
	}

	/** Rows are read in the order asked for when paging forward and in the reverse order when paging backward. */
	boolean fetchedDescending() {
		return this.sort.descending() ^ this.page.backward();
	}

	/** The same page of the rows {@code from} holds (with the same alias), which the filter already let through. */
	PageQuery over(String from) {
		return new PageQuery(from, this.alias, new SqlWhere(), this.sort, this.page);
	}

	/** The rows the filter lets through, on every page. */
	String count() {
		return "(select count(*) from " + this.from + " where " + this.where.sql() + ")";
	}

}
