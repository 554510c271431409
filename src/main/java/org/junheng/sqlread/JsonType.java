package org.junheng.sqlread;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A GraphQL object type as PostgreSQL can write it: the table of its rows, the columns of its
 * plain fields and the joins of its object and list fields. Only what is declared here is read
 * through SQL; a selection with any other field is run field by field, as before. A field is
 * declared by the package that owns it, beside the row mapping its resolvers use; a package that
 * adds fields to another's type declares them with {@link #extending}.
 */
public final class JsonType {

	final String name;

	final String table;

	final String key;

	/** Field to SQL expression, {@code {from}} standing for the row's alias. */
	final Map<String, String> columns = new LinkedHashMap<>();

	final Map<String, Join> joins = new LinkedHashMap<>();

	/** The column of the school a row belongs to, for the schema's rules on school data; null when it has none. */
	String schools;

	private JsonType(String name, String table, String key) {
		this.name = name;
		this.table = table;
		this.key = key;
	}

	/** The type {@code name}, one row of {@code table} each, whose global ID ({@code id}) wraps {@code key}. */
	public static JsonType of(String name, String table, String key) {
		return new JsonType(name, table, key);
	}

	/** More fields of the type {@code name}, which another package declares. */
	public static JsonType extending(String name) {
		return new JsonType(name, null, null);
	}

	/** Plain fields, each read from the column of its name in snake case ({@code dueOn} from {@code due_on}). */
	public JsonType columns(String... fields) {
		for (String field : fields) {
			column(field, field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
		}
		return this;
	}

	/** A plain field read from a column of another name. */
	public JsonType column(String field, String column) {
		return computed(field, "{from}." + column);
	}

	/** A field PostgreSQL computes: {@code expression} names the row's columns as {@code {from}.x}. */
	public JsonType computed(String field, String expression) {
		this.columns.put(field, expression);
		return this;
	}

	/**
	 * The row's school: the schema's rules on school data ({@code @schoolData}, {@code @personal})
	 * are checked against it, as the guards check {@code SchoolOwned.schoolIds()}.
	 */
	public JsonType schools(String column) {
		this.schools = column;
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

	/** This type with the fields of its extensions. */
	JsonType with(Iterable<JsonType> extensions) {
		JsonType merged = new JsonType(this.name, this.table, this.key);
		merged.schools = this.schools;
		merged.columns.putAll(this.columns);
		merged.joins.putAll(this.joins);
		for (JsonType extension : extensions) {
			merged.columns.putAll(extension.columns);
			merged.joins.putAll(extension.joins);
		}
		return merged;
	}

	record Join(String type, String on, String order) {

		boolean list() {
			return this.order != null;
		}

	}

}
