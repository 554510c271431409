package org.junheng.sqlread;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLNamedType;

/**
 * How PostgreSQL writes a value exactly as the field-by-field path does (graphql-java's scalars,
 * {@code Scalars} for dates; IDs are {@code GlobalId.sql}); {@code SqlReadsTests} holds each to
 * the other path's text.
 */
final class SqlJson {

	private SqlJson() {
	}

	/** The column as the JSON of a scalar or enum field, or null for a scalar this does not know. */
	static String scalar(GraphQLNamedType type, String column) {
		if (type instanceof GraphQLEnumType) {
			return column;
		}
		return switch (type.getName()) {
			case "String", "Int", "Boolean", "Date" -> column;
			// numeric columns: graphql-java's Float is a double
			case "Float" -> column + "::float8";
			case "DateTime" -> dateTime(column);
			default -> null;
		};
	}

	/**
	 * ISO-8601 as Java's {@code OffsetDateTime.toString} writes it in the session's offset: seconds
	 * only when not zero, a fraction of 3 or 6 digits only when there is one, {@code Z} for UTC.
	 */
	static String dateTime(String column) {
		String c = column;
		return "(to_char(" + c + ", 'YYYY-MM-DD\"T\"HH24:MI') || case when date_trunc('minute', " + c + ") = " + c
				+ " then '' else ':' || to_char(" + c + ", 'SS') || case when date_trunc('second', " + c + ") = " + c
				+ " then '' when date_trunc('milliseconds', " + c + ") = " + c + " then '.' || to_char(" + c
				+ ", 'MS') else '.' || to_char(" + c + ", 'US') end end || case when to_char(" + c
				+ ", 'TZH:TZM') = '+00:00' then 'Z' else to_char(" + c + ", 'TZH:TZM') end)";
	}

}
