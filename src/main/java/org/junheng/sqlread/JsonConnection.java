package org.junheng.sqlread;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Writes the selection of a connection ({@code totalCount}, {@code pageInfo}, {@code edges}
 * with {@code cursor} and {@code node}) as the JSON of one page, its pieces left as markers for
 * the page a request asks for ({@code PageJson}); the nodes are written by {@link JsonSelection}
 * on the page's rows, aliased {@code t0}. Anything else on these three levels (a fragment, a
 * directive, a field they do not have) leaves the query to run field by field.
 */
final class JsonConnection {

	private static final Set<String> PAGE_INFO = Set.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor");

	private JsonConnection() {
	}

	static String of(GraphQLObjectType connection, JsonType node, SelectionSet selections, JsonSelection nodes) {
		return object(connection, selections, (field) -> switch (field.getName()) {
			case "totalCount" -> (field.getSelectionSet() == null) ? SqlRule.marker("page:totalCount") : null;
			case "pageInfo" -> object(type(connection, field), field.getSelectionSet(),
					(info) -> (PAGE_INFO.contains(info.getName()) && info.getSelectionSet() == null)
							? SqlRule.marker("page:" + info.getName()) : null);
			case "edges" -> edges(type(connection, field), node, field.getSelectionSet(), nodes);
			default -> null;
		});
	}

	private static String edges(GraphQLObjectType edge, JsonType node, SelectionSet selections, JsonSelection nodes) {
		String json = object(edge, selections, (field) -> switch (field.getName()) {
			case "cursor" -> (field.getSelectionSet() == null) ? SqlRule.marker("page:cursor") : null;
			case "node" -> node.name.equals(type(edge, field).getName()) ? nodes.object(node, "t0", field.getSelectionSet()) : null;
			default -> null;
		});
		return (json != null) ? "coalesce((select json_agg(" + json + " order by " + SqlRule.marker("page:order")
				+ ") from page_edges t0), '[]'::json)" : null;
	}

	private static GraphQLObjectType type(GraphQLObjectType parent, Field field) {
		GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
		return (definition != null && GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType type)
				? type : null;
	}

	/** Plain fields only, each once, of a type with no directive; {@code value} writes each (null: not compiled). */
	private static String object(GraphQLObjectType type, SelectionSet selections, Function<Field, String> value) {
		if (type == null || selections == null || !type.getAppliedDirectives().isEmpty()) {
			return null;
		}
		List<String> pairs = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Selection<?> selection : selections.getSelections()) {
			if (!(selection instanceof Field field) || !field.getDirectives().isEmpty() || !field.getArguments().isEmpty()
					|| !keys.add(field.getResultKey())) {
				return null;
			}
			GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
			String json = field.getName().equals("__typename") ? "'" + type.getName() + "'"
					: (definition != null && definition.getAppliedDirectives().isEmpty()) ? value.apply(field) : null;
			if (json == null) {
				return null;
			}
			pairs.add("'" + field.getResultKey() + "'");
			pairs.add(json);
		}
		return (pairs.size() <= 100) ? "json_build_object(" + String.join(", ", pairs) + ")" : null;
	}

}
