package org.junheng.system;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Dispatches DataLoaders only when the engine has nothing else to fetch (graphql-java's
 * "exhausted" strategy). The default per-level strategy fires a level's loaders as soon as the
 * values it has seen so far are in; when results of one level arrive from several asynchronous
 * loaders it fires more than once, so a nested field could cost two statements instead of one
 * depending on timing. Waiting for exhaustion makes the statement count a property of the query.
 * Each request's loaders are made as its fields ask for them ({@link OnDemandDataLoaders}).
 */
@Component
class DataLoaderDispatch implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> builder
			.dataLoaderRegistry(new OnDemandDataLoaders())
			.graphQLContext((context) -> context.put(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING, true))
			.build());
		return chain.next(request);
	}

}
