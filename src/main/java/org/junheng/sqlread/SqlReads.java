package org.junheng.sqlread;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.GraphQL;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionStrategy;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.MeterRegistry;

import org.junheng.security.Access;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Queries answered by PostgreSQL as JSON ({@code junheng.graphql.sql-reads}, on unless set to
 * false): the query strategy becomes {@link SqlReadStrategy}, with the types and root fields
 * the feature packages declare.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "junheng.graphql.sql-reads", matchIfMissing = true)
class SqlReads {

	@Bean
	GraphQlSourceBuilderCustomizer sqlReadStrategy(DatabaseClient db, Access access, List<JsonType> types, List<JsonRoot> roots,
			MeterRegistry meters) {
		Map<String, JsonType> byName = byName(types);
		Map<String, JsonRoot> byField = roots.stream().collect(Collectors.toMap(JsonRoot::field, (root) -> root));
		return (builder) -> builder.graphQlSourceFactory((graphQl, schema) -> source(graphQl.transform((changed) -> changed
			.queryExecutionStrategy(new SqlReadStrategy(handler(graphQl.getQueryStrategy()), db, access, byName, byField, meters))), schema));
	}

	/** Each type with the fields other packages add to it; a type only extended is not read through SQL. */
	static Map<String, JsonType> byName(List<JsonType> types) {
		Map<String, List<JsonType>> extensions = types.stream().filter((type) -> type.table == null)
			.collect(Collectors.groupingBy((type) -> type.name));
		return types.stream().filter((type) -> type.table != null)
			.collect(Collectors.toMap((type) -> type.name, (type) -> type.with(extensions.getOrDefault(type.name, List.of()))));
	}

	/**
	 * Spring for GraphQL's exception handler, as the strategy it replaces has it: Spring builds it
	 * from every resolver inside its builder and gives it to graphql-java only, and the fields a
	 * compiled query does not cover must answer their errors through it as before.
	 */
	private static DataFetcherExceptionHandler handler(ExecutionStrategy strategy) {
		try {
			java.lang.reflect.Field field = ExecutionStrategy.class.getDeclaredField("dataFetcherExceptionHandler");
			field.setAccessible(true);
			return (DataFetcherExceptionHandler) field.get(strategy);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("graphql-java's strategy has no exception handler field", ex);
		}
	}

	private static GraphQlSource source(GraphQL graphQl, GraphQLSchema schema) {
		return new GraphQlSource() {

			@Override
			public GraphQL graphQl() {
				return graphQl;
			}

			@Override
			public GraphQLSchema schema() {
				return schema;
			}

		};
	}

}
