package org.junheng.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema a client introspects is documented: every type, field, argument, enum value, input
 * field and directive of the running schema has a description (introspection types, built-in
 * scalars and directives aside). The failure names each one without.
 */
@EndToEndTest
class SchemaDocumentationTests {

	private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

	private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy", "oneOf", "defer",
			"experimental_disableErrorPropagation");

	@Autowired
	private GraphQlSource source;

	@Test
	void everyElementOfTheSchemaHasADescription() {
		GraphQLSchema schema = this.source.schema();
		List<String> undocumented = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			String name = type.getName();
			if (name.startsWith("__") || (type instanceof GraphQLScalarType && BUILT_IN_SCALARS.contains(name))) {
				continue;
			}
			boolean root = name.equals("Query") || name.equals("Mutation") || name.equals("Subscription");
			if (!root && blank(type.getDescription())) {
				undocumented.add("type " + name);
			}
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					if (blank(field.getDescription())) {
						undocumented.add(name + "." + field.getName());
					}
					for (GraphQLArgument argument : field.getArguments()) {
						if (blank(argument.getDescription())) {
							undocumented.add(name + "." + field.getName() + "(" + argument.getName() + ":)");
						}
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					if (blank(field.getDescription())) {
						undocumented.add(name + "." + field.getName());
					}
				}
			}
			if (type instanceof GraphQLEnumType enumType) {
				for (GraphQLEnumValueDefinition value : enumType.getValues()) {
					if (blank(value.getDescription())) {
						undocumented.add(name + "." + value.getName());
					}
				}
			}
		}
		for (GraphQLDirective directive : schema.getDirectives()) {
			if (BUILT_IN_DIRECTIVES.contains(directive.getName())) {
				continue;
			}
			if (blank(directive.getDescription())) {
				undocumented.add("@" + directive.getName());
			}
			for (GraphQLArgument argument : directive.getArguments()) {
				if (blank(argument.getDescription())) {
					undocumented.add("@" + directive.getName() + "(" + argument.getName() + ":)");
				}
			}
		}
		assertThat(undocumented).as("schema elements without a description").isEmpty();
	}

	private static boolean blank(String description) {
		return description == null || description.isBlank();
	}

}
