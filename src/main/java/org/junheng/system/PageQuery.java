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
	 * The statement's {@code with} query of the keys of the rows the filter lets through,
	 * {@code page_matches}. Keys only: the columns a filter reads are those of an index, and then
	 * PostgreSQL reads the matches from the index alone and fetches a row only for the page (a
	 * county's name search read 2,800 buffers for its 90 matches with whole rows, 600 with keys).
	 */
	String matches() {
		return "page_matches as materialized (select " + key() + " as page_id from " + this.from + " where "
				+ this.where.sql() + ")";
	}

	/** The same page, of the rows whose keys are in {@link #matches()}. */
	PageQuery ofMatches() {
		return new PageQuery(this.from, this.alias, new SqlWhere().and(key() + " in (select page_id from page_matches)"),
				this.sort, this.page);
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
