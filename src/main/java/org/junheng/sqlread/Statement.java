package org.junheng.sqlread;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.SchemaRule;
import org.junheng.system.PageJson;
import org.junheng.system.SqlWhere;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A compiled query's statement for one request: its markers ({@link SqlRule}) filled in with the
 * caller's conditions and the root's lookup or page, and the values of all their bind markers.
 */
final class Statement {

	private final StringBuilder sql = new StringBuilder();

	private final Map<String, Object> bindings = new LinkedHashMap<>();

	/**
	 * {@code parts} alternate text and markers. Conditions that name one bind marker with two
	 * values (never so for the scopes of one caller) are refused, and the query runs field by field.
	 */
	static Statement of(String[] parts, Access access, Caller caller, SqlWhere where, PageJson page) {
		Statement statement = new Statement();
		for (int i = 0; i < parts.length; i++) {
			if (i % 2 == 0) {
				statement.sql.append(parts[i]);
				continue;
			}
			String marker = parts[i];
			if (marker.equals("where")) {
				statement.condition(where);
			}
			else if (marker.startsWith("rule:")) {
				String[] rule = marker.split(":", 3);
				statement.condition(SchemaRule.valueOf(rule[1]).holds(access, caller, rule[2]));
			}
			else {
				statement.sql.append(piece(page, marker.substring("page:".length())));
			}
		}
		if (page != null) {
			page.bindings().forEach(statement::bind);
		}
		return statement;
	}

	private static String piece(PageJson page, String name) {
		return switch (name) {
			case "with" -> page.with();
			case "totalCount" -> page.totalCount();
			case "hasNextPage" -> page.hasNextPage();
			case "hasPreviousPage" -> page.hasPreviousPage();
			case "startCursor" -> page.startCursor();
			case "endCursor" -> page.endCursor();
			case "cursor" -> page.cursor("t0");
			case "order" -> page.order("t0");
			default -> throw new IllegalStateException("no page piece " + name);
		};
	}

	private void condition(SqlWhere where) {
		this.sql.append('(').append(where.sql()).append(')');
		where.bindings().forEach(this::bind);
	}

	private void bind(String name, Object value) {
		Object before = this.bindings.putIfAbsent(name, value);
		if (before != null && !before.equals(value)) {
			throw new IllegalStateException("bind marker " + name + " given two values");
		}
	}

	String sql() {
		return this.sql.toString();
	}

	DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
		for (Map.Entry<String, Object> binding : this.bindings.entrySet()) {
			spec = spec.bind(binding.getKey(), binding.getValue());
		}
		return spec;
	}

}
