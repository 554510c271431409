package org.junheng.sqlread;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GraphQL object type as PostgreSQL can write it: the table of its rows, the columns of its
 * plain fields and the joins of its object and list fields. Only what is declared here is read
 * through SQL; a selection with any other field is run field by field, as before. A field is
 * declared by the package that owns the type, beside the row mapping its resolvers use.
 */
public final class JsonType {

	final String name;

	final String table;

	final String key;

	final Map<String, String> columns = new LinkedHashMap<>();

	final Map<String, Join> joins = new LinkedHashMap<>();

	private JsonType(String name, String table, String key) {
		this.name = name;
		this.table = table;
		this.key = key;
	}

	/** The type {@code name}, one row of {@code table} each, whose global ID ({@code id}) wraps {@code key}. */
	public static JsonType of(String name, String table, String key) {
		return new JsonType(name, table, key);
	}

	/** Plain fields, each read from the column of its name in snake case ({@code dueOn} from {@code due_on}). */
	public JsonType columns(String... fields) {
		for (String field : fields) {
			this.columns.put(field, field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
		}
		return this;
	}

	/**
	 * An object field: the row of {@code type} where {@code on} holds; {@code on} names this row's
	 * columns as {@code {from}.x} and the joined row's as {@code {to}.y}.
	 */
	public JsonType one(String field, String type, String on) {
		this.joins.put(field, new Join(type, on, null));
		return this;
	}

	/** A list field: the rows of {@code type} where {@code on} holds, ordered by {@code order} (their columns, comma separated). */
	public JsonType many(String field, String type, String on, String order) {
		this.joins.put(field, new Join(type, on, order));
		return this;
	}

	record Join(String type, String on, String order) {

		boolean list() {
			return this.order != null;
		}

	}

}
