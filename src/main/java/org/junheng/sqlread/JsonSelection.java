package org.junheng.sqlread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import org.junheng.security.SchemaRule;
import org.junheng.system.GlobalId;

/**
 * Writes a selection set as a PostgreSQL expression building its JSON: {@code json_build_object}
 * for an object, a correlated subquery for an object field, {@code json_agg} in the declared
 * order for a list. Answers null for anything it does not know the same answer for, so that the
 * operation is run field by field instead: a field not declared ({@link JsonType}), one with
 * arguments or a directive (@skip, @include), a field or type with a directive that is not one of
 * the rules on school data ({@link SchemaRule}), fragments on another type, and a response key
 * given twice. Those rules are written as markers the statement fills in for each caller.
 */
final class JsonSelection {

	private final GraphQLSchema schema;

	private final Map<String, JsonType> types;

	private final Map<String, FragmentDefinition> fragments;

	private int aliases;

	JsonSelection(GraphQLSchema schema, Map<String, JsonType> types, Map<String, FragmentDefinition> fragments) {
		this.schema = schema;
		this.types = types;
		this.fragments = fragments;
	}

	String object(JsonType type, String alias, SelectionSet selections) {
		GraphQLObjectType objectType = this.schema.getObjectType(type.name);
		List<String> pairs = new ArrayList<>();
		if (objectType == null || selections == null || !collect(type, objectType, alias, selections, pairs, new HashSet<>())) {
			return null;
		}
		// json_build_object takes at most 100 arguments.
		return (pairs.size() <= 100) ? guarded(type, alias, objectType.getAppliedDirectives(),
				"json_build_object(" + String.join(", ", pairs) + ")") : null;
	}

	/**
	 * The value where the schema's rules on school data hold for the row, else {@link SqlRule#REFUSED}:
	 * the query then runs field by field, where the guards answer the error. Null (not compiled)
	 * for a directive that is no such rule, or a type without a school column.
	 */
	private static String guarded(JsonType type, String alias, List<GraphQLAppliedDirective> directives, String value) {
		String guarded = value;
		for (GraphQLAppliedDirective directive : directives) {
			SchemaRule rule = SchemaRule.of(directive.getName());
			if (rule == null || type.schools == null) {
				return null;
			}
			guarded = "case when " + SqlRule.marker(rule, alias + "." + type.schools) + " then to_json(" + guarded + ") else "
					+ SqlRule.REFUSED_SQL + " end";
		}
		return guarded;
	}

	private boolean collect(JsonType type, GraphQLObjectType objectType, String alias, SelectionSet selections,
			List<String> pairs, Set<String> keys) {
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof DirectivesContainer<?> directed && !directed.getDirectives().isEmpty()) {
				return false;
			}
			if (selection instanceof Field field) {
				String value = (field.getArguments().isEmpty() && keys.add(field.getResultKey()))
						? field(type, objectType, alias, field) : null;
				if (value == null) {
					return false;
				}
				pairs.add("'" + field.getResultKey() + "'");
				pairs.add(value);
			}
			else if (selection instanceof InlineFragment inline) {
				if ((inline.getTypeCondition() != null && !inline.getTypeCondition().getName().equals(type.name))
						|| !collect(type, objectType, alias, inline.getSelectionSet(), pairs, keys)) {
					return false;
				}
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment == null || !fragment.getDirectives().isEmpty()
						|| !fragment.getTypeCondition().getName().equals(type.name)
						|| !collect(type, objectType, alias, fragment.getSelectionSet(), pairs, keys)) {
					return false;
				}
			}
			else {
				return false;
			}
		}
		return true;
	}

	private String field(JsonType type, GraphQLObjectType objectType, String alias, Field field) {
		if (field.getName().equals("__typename")) {
			return "'" + type.name + "'";
		}
		GraphQLFieldDefinition definition = objectType.getFieldDefinition(field.getName());
		String value = (definition != null) ? value(type, definition, alias, field) : null;
		return (value != null) ? guarded(type, alias, definition.getAppliedDirectives(), value) : null;
	}

	private String value(JsonType type, GraphQLFieldDefinition definition, String alias, Field field) {
		GraphQLNamedType fieldType = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
		if (field.getName().equals("id") && type.key != null && field.getSelectionSet() == null) {
			return GlobalId.sql(type.name, alias + "." + type.key);
		}
		String column = type.columns.get(field.getName());
		if (column != null) {
			return (field.getSelectionSet() == null) ? SqlJson.scalar(fieldType, column.replace("{from}", alias)) : null;
		}
		JsonType.Join join = type.joins.get(field.getName());
		JsonType target = (join != null) ? this.types.get(join.type()) : null;
		if (target == null || !target.name.equals(fieldType.getName())) {
			return null;
		}
		String to = "t" + (++this.aliases);
		String inner = object(target, to, field.getSelectionSet());
		if (inner == null) {
			return null;
		}
		String from = " from " + target.table + " " + to + " where " + join.on().replace("{from}", alias).replace("{to}", to);
		if (!join.list()) {
			return "(select " + inner + from + ")";
		}
		String order = Arrays.stream(join.order().split(",")).map((part) -> to + "." + part.strip())
			.collect(Collectors.joining(", "));
		return "coalesce((select json_agg(" + inner + " order by " + order + ")" + from + "), '[]'::json)";
	}

}
