package org.junheng.security;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import org.junheng.system.Text;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Fields marked {@code @personal} in the schema (a teacher's name, gender, birth year,
 * certificate and training) answer only an ADMIN whose region holds the school and the school's
 * own administrator. Anyone else gets null there with a FORBIDDEN error at that path; the rest of
 * the answer stays. An ADMIN's region is checked for all the schools of one request level in one
 * statement ({@link SchoolsInScope}).
 */
@Configuration(proxyBeanMethods = false)
class PersonalFields {

	@Bean
	GraphQlSourceBuilderCustomizer personalFieldGuard(Access access) {
		return FieldWrapping.of((field) -> field.definition().hasAppliedDirective(SchemaRule.PERSONAL.directive())
				? guarded(field.fetcher(), access) : null);
	}

	private static DataFetcher<Object> guarded(DataFetcher<?> delegate, Access access) {
		return (env) -> {
			Scope scope = SchemaRule.PERSONAL.scope(access, Caller.of(env));
			if (scope.all()) {
				return delegate.get(env);
			}
			java.util.List<Long> schools = (env.getSource() instanceof SchoolOwned owned) ? owned.schoolIds() : java.util.List.of();
			return SchoolsInScope.anyInside(scope, schools, env).thenApply((yes) -> {
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
				.message(Text.of("access.personal", env.getField().getName()).in(env.getLocale()))
				.build())
			.build();
	}

}
