package org.junheng.sqlread;

import org.junheng.security.SchemaRule;

/**
 * Markers in a compiled statement for what only a request knows: a schema rule's condition on a
 * row's school ({@code rule:NAME:column}), the root's lookup ({@code where}) and the pieces of a
 * page ({@code page:piece}). They are {@code \u0001}-delimited, a character no SQL here contains.
 */
final class SqlRule {

	static final char MARK = '\u0001';

	/**
	 * What a row outside a rule's scope is written as. No answer can contain it otherwise: a
	 * quote inside a JSON string is escaped, and {@code $refused} is no GraphQL name.
	 */
	static final String REFUSED = "{\"$refused\":true}";

	static final String REFUSED_SQL = "'" + REFUSED + "'::json";

	private SqlRule() {
	}

	static String marker(SchemaRule rule, String schoolColumn) {
		return MARK + "rule:" + rule.name() + ":" + schoolColumn + MARK;
	}

	static String marker(String piece) {
		return MARK + piece + MARK;
	}

}
