package org.junheng.security;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Fields marked {@code @personal} in the schema (a teacher's name, gender, birth year,
 * certificate and training) answer only an ADMIN whose region holds the school and the school's
 * own administrator. Anyone else gets null there with a FORBIDDEN error at that path; the rest of
 * the answer stays. An ADMIN's region is checked for all the schools of one request level in one
 * statement.
 */
@Configuration(proxyBeanMethods = false)
class PersonalFields {

	static final String LOADER = "junheng.schoolsInCallerRegion";

	@Bean
	GraphQlSourceBuilderCustomizer personalFieldGuard(Access access) {
		return (builder) -> builder.typeVisitors(java.util.List.of(new GraphQLTypeVisitorStub() {
			@Override
			public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
					TraverserContext<GraphQLSchemaElement> context) {
				if (field.hasAppliedDirective("personal") && context.getParentNode() instanceof GraphQLFieldsContainer parent) {
					GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
					FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
					DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
					registry.dataFetcher(coordinates, guarded(delegate, access));
				}
				return TraversalControl.CONTINUE;
			}
		}));
	}

	PersonalFields(BatchLoaderRegistry registry, DatabaseClient db, Access access) {
		registry.forTypePair(Long.class, Boolean.class).withName(LOADER).registerMappedBatchLoader((schools, env) -> {
			Caller caller = Caller.of((graphql.GraphQLContext) env.getContext());
			Scope scope = access.personalData(caller);
			if (scope.regionCode() == null) {
				return Mono.just(schools.stream().collect(Collectors.toMap((id) -> id, (id) -> false)));
			}
			return db.sql("select s.id, " + Scope.within("s.region_code", "region") + " as inside from school s where s.id = any(:ids)")
				.bind("ids", schools.toArray(Long[]::new))
				.bind("region", scope.regionCode())
				.map((row) -> Map.entry(row.get("id", Long.class), Boolean.TRUE.equals(row.get("inside", Boolean.class))))
				.all()
				.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		});
	}

	private static DataFetcher<Object> guarded(DataFetcher<?> delegate, Access access) {
		return (env) -> {
			Scope scope = access.personalData(Caller.of(env));
			Long school = (env.getSource() instanceof SchoolOwned owned) ? owned.schoolId() : null;
			if (scope.all()) {
				return delegate.get(env);
			}
			if (school == null || scope.none()) {
				return refused(env);
			}
			if (scope.schoolId() != null) {
				return scope.schoolId().equals(school) ? delegate.get(env) : refused(env);
			}
			DataLoader<Long, Boolean> inside = env.getDataLoader(LOADER);
			CompletableFuture<Boolean> allowed = inside.load(school);
			return allowed.thenApply((yes) -> {
				try {
					return Boolean.TRUE.equals(yes) ? delegate.get(env) : refused(env);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		};
	}

	private static DataFetcherResult<Object> refused(DataFetchingEnvironment env) {
		return DataFetcherResult.newResult()
			.error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN)
				.message("Personal data: only an ADMIN of the school's region or the school's own SCHOOL_ADMIN may read "
						+ env.getField().getName())
				.build())
			.build();
	}

}
