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

	/**
	 * Whether a statement that reads the page and counts the filter's rows reads those rows once:
	 * when a substring match is among its conditions, PostgreSQL reads every row the others let
	 * through, for the page as for the total, so it reads them once into {@link #matches()} (half
	 * a name search's cost). Other filters are not: an index gives their page in order without
	 * reading the total's rows, and a whole national list must not be materialized.
	 */
	boolean readsOnce(boolean counted) {
		return counted && this.where.matchesSubstring();
	}

	/**
	 * The statement's {@code with} query of the rows the filter lets through, {@code page_matches}:
	 * each one's key and sort value, not the whole row. The columns a filter reads are those of an
	 * index, so PostgreSQL reads the matches from the index alone, orders them there and fetches
	 * the rows of the page only (a county's name search read 2,800 buffers with whole rows, 600
	 * like this, and its generic plan no longer joins every teacher to the matches).
	 */
	String matches() {
		return "page_matches as materialized (select " + key() + " as page_id, " + this.sort.expression()
				+ " as page_sort from " + this.from + " where " + this.where.sql() + ")";
	}

	/**
	 * The page's rows, {@code from ... limit :limit} as {@link Keyset#seek} writes them: of
	 * {@link #matches()} when the statement reads the matches once, seeking the cursor among them.
	 */
	String seek(boolean once, Long cursor) {
		if (!once) {
			return Keyset.seek(this, cursor);
		}
		String direction = fetchedDescending() ? " desc" : " asc";
		String page = "select m.page_id from page_matches m"
				+ ((cursor != null) ? " where (m.page_sort, m.page_id) " + (fetchedDescending() ? "<" : ">")
						+ " ((select c.page_sort from page_matches c where c.page_id = :cursor_id), :cursor_id)" : "")
				+ " order by m.page_sort" + direction + ", m.page_id" + direction + " limit :limit";
		PageQuery rows = new PageQuery(this.from, this.alias, new SqlWhere().and(key() + " in (" + page + ")"), this.sort,
				this.page);
		return Keyset.seek(rows, null);
	}

	/** The rows the filter lets through: counted in {@link #matches()} when the statement reads them once. */
	String count(boolean once) {
		return once ? "(select count(*) from page_matches)" : count();
	}

	/** The rows the filter lets through, on every page. */
	String count() {
		return "(select count(*) from " + this.from + " where " + this.where.sql() + ")";
	}

}
