package org.junheng.security;

import java.util.List;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;

/**
 * How the guards install themselves, once, at start-up: a schema visitor that hands each field's
 * data fetcher to {@code wrap}, which answers the fetcher to use instead, or null to leave the
 * field as it is. Every request then goes through the wrapped fetchers, whatever path it takes.
 */
final class FieldWrapping {

	/** The field with its parent type, and the data fetcher it has now. */
	record Field(GraphQLFieldsContainer parent, GraphQLFieldDefinition definition, DataFetcher<?> fetcher) {
	}

	private FieldWrapping() {
	}

	static GraphQlSourceBuilderCustomizer of(Function<Field, DataFetcher<?>> wrap) {
		return (builder) -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
			@Override
			public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
					TraverserContext<GraphQLSchemaElement> context) {
				if (context.getParentNode() instanceof GraphQLFieldsContainer parent) {
					GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
					FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
					DataFetcher<?> wrapped = wrap.apply(new Field(parent, field, registry.getDataFetcher(coordinates, field)));
					if (wrapped != null) {
						registry.dataFetcher(coordinates, wrapped);
					}
				}
				return TraversalControl.CONTINUE;
			}
		}));
	}

}
