package org.junheng.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import graphql.GraphqlErrorBuilder;
import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.system.Text;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * The {@code @schoolData} rule, on every path to school data: wherever a field returns a type
 * marked {@code @schoolData}, each object is checked against the caller's scope (a single one
 * outside it is null with FORBIDDEN at its path, a list leaves it out), and a field marked
 * {@code @schoolData} answers only when its source is in the scope. Queries and subscriptions
 * alike, whatever the transport, go through these data fetchers; mutations are left to the write
 * checks, which refuse before anything changes. Lists also filter in SQL, so paging and counts
 * see only readable rows; this is the wall behind them.
 */
@Configuration(proxyBeanMethods = false)
class SchoolData {

	@Bean
	GraphQlSourceBuilderCustomizer schoolDataGuard(Access access) {
		return FieldWrapping.of((field) -> {
			if (field.parent().getName().equals("Mutation")) {
				return null;
			}
			boolean ofSource = field.definition().hasAppliedDirective(SchemaRule.SCHOOL_DATA.directive());
			boolean ofValue = GraphQLTypeUtil.unwrapAll(field.definition().getType()) instanceof GraphQLObjectType type
					&& type.hasAppliedDirective(SchemaRule.SCHOOL_DATA.directive());
			if (!ofSource && !ofValue) {
				return null;
			}
			DataFetcher<?> delegate = field.fetcher();
			DataFetcher<Object> guarded = ofSource ? ofSource(delegate, access) : ofValue(delegate, access);
			// A property read stays a property read to graphql-java and its instrumentation (no
			// observation per object): the guard only adds a check that is free for a national
			// caller and batched for a regional one.
			return (delegate instanceof TrivialDataFetcher<?>) ? trivial(guarded) : guarded;
		});
	}

	private static TrivialDataFetcher<Object> trivial(DataFetcher<Object> fetcher) {
		return fetcher::get;
	}

	/** A field of a school (or of other school data) that answers only for a source in the scope. */
	private static DataFetcher<Object> ofSource(DataFetcher<?> delegate, Access access) {
		return (env) -> {
			List<Long> schools = (env.getSource() instanceof SchoolOwned owned) ? owned.schoolIds() : List.of();
			CompletableFuture<Boolean> inside = SchoolsInScope.anyInside(SchemaRule.SCHOOL_DATA.scope(access, Caller.of(env)), schools, env);
			if (inside.isDone()) {
				// Known at once (everything, nothing, one school): the field answers as it would unguarded.
				return inside.join() ? delegate.get(env) : refused(env);
			}
			return inside.thenCompose((yes) -> {
				try {
					return yes ? settled(delegate.get(env)) : CompletableFuture.completedFuture(refused(env));
				}
				catch (Exception ex) {
					return CompletableFuture.failedFuture(ex);
				}
			});
		};
	}

	/** A field returning school data: what lies outside the scope is taken out of its answer. */
	private static DataFetcher<Object> ofValue(DataFetcher<?> delegate, Access access) {
		return (env) -> {
			Object result = delegate.get(env);
			Scope scope = SchemaRule.SCHOOL_DATA.scope(access, Caller.of(env));
			if (scope.all()) {
				return result;
			}
			if (result instanceof Mono<?> mono) {
				return mono.flatMap((value) -> Mono.fromFuture(checked(value, scope, env)));
			}
			if (result instanceof Publisher<?> publisher) {
				return Flux.from(publisher).collectList().flatMap((value) -> Mono.fromFuture(checked(value, scope, env)));
			}
			return settled(result).thenCompose((value) -> checked(value, scope, env));
		};
	}

	private static CompletableFuture<Object> checked(Object result, Scope scope, DataFetchingEnvironment env) {
		Object value = (result instanceof DataFetcherResult<?> wrapped) ? wrapped.getData() : result;
		if (value instanceof SchoolOwned owned) {
			return SchoolsInScope.anyInside(scope, owned.schoolIds(), env).thenApply((inside) -> inside ? result : refused(env));
		}
		if (value instanceof List<?> list) {
			return kept(list, scope, env).thenApply((readable) -> (result instanceof DataFetcherResult<?> wrapped)
					? DataFetcherResult.newResult().data(readable).errors(wrapped.getErrors()).build() : readable);
		}
		return CompletableFuture.completedFuture(result);
	}

	private static CompletableFuture<List<Object>> kept(List<?> list, Scope scope, DataFetchingEnvironment env) {
		List<CompletableFuture<Boolean>> checks = new ArrayList<>(list.size());
		for (Object item : list) {
			checks.add((item instanceof SchoolOwned owned) ? SchoolsInScope.anyInside(scope, owned.schoolIds(), env)
					: CompletableFuture.completedFuture(true));
		}
		return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			List<Object> readable = new ArrayList<>(list.size());
			for (int i = 0; i < list.size(); i++) {
				if (checks.get(i).join()) {
					readable.add(list.get(i));
				}
			}
			return readable;
		});
	}

	/**
	 * What a data fetcher answered, as a future: futures of DataLoaders, plain values, or (behind
	 * a check that had to wait) a controller's Mono or Flux.
	 */
	@SuppressWarnings("unchecked")
	private static CompletableFuture<Object> settled(Object result) {
		if (result instanceof CompletionStage<?> stage) {
			return (CompletableFuture<Object>) stage.toCompletableFuture();
		}
		if (result instanceof Mono<?> mono) {
			return ((Mono<Object>) mono).toFuture();
		}
		if (result instanceof Publisher<?> publisher) {
			return Flux.from(publisher).collectList().<Object>map((list) -> list).toFuture();
		}
		return CompletableFuture.completedFuture(result);
	}

	private static DataFetcherResult<Object> refused(DataFetchingEnvironment env) {
		Caller caller = Caller.of(env);
		return DataFetcherResult.newResult()
			.error(GraphqlErrorBuilder.newError(env).errorType(caller.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN)
				.message(Text.of(caller.anonymous() ? "access.schoolDataAnonymous" : "access.schoolData", env.getField().getName())
					.in(env.getLocale()))
				.build())
			.build();
	}

}
