package org.junheng.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The WHERE clause of a list query, built from the filters a client actually gave, with named
 * bind markers only: no client value is ever spliced into SQL text.
 */
public final class SqlWhere {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> bindings = new LinkedHashMap<>();

	private boolean substring;

	public SqlWhere and(String condition) {
		this.conditions.add(condition);
		return this;
	}

	/** Adds a condition with one named bind marker, unless the value is null. */
	public SqlWhere and(String condition, String name, Object value) {
		if (value != null) {
			this.conditions.add(condition);
			this.bindings.put(name, value);
		}
		return this;
	}

	/**
	 * Adds {@code column like :name} matching the text anywhere, with the client's wildcards
	 * escaped, unless the text is null.
	 */
	public SqlWhere containing(String column, String name, String text) {
		if (text != null) {
			and(column + " like :" + name, name, contains(text));
			this.substring = true;
		}
		return this;
	}

	/**
	 * Whether a condition matches text anywhere in a column: no index gives those rows in order,
	 * so PostgreSQL reads every row the other conditions let through, for a page as for its total.
	 */
	public boolean matchesSubstring() {
		return this.substring;
	}

	public String sql() {
		return this.conditions.isEmpty() ? "true" : String.join(" and ", this.conditions);
	}

	/** The values of the bind markers, by name. */
	public Map<String, Object> bindings() {
		return java.util.Collections.unmodifiableMap(this.bindings);
	}

	public GenericExecuteSpec bind(GenericExecuteSpec spec) {
		for (Map.Entry<String, Object> binding : this.bindings.entrySet()) {
			spec = spec.bind(binding.getKey(), binding.getValue());
		}
		return spec;
	}

	/** Enum names for an {@code = any(:names)} condition; null (no condition) when none are given. */
	public static String[] names(List<? extends Enum<?>> values) {
		return (values == null || values.isEmpty()) ? null : values.stream().map(Enum::name).toArray(String[]::new);
	}

	private static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
