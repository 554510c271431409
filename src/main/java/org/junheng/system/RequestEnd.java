package org.junheng.system;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Tells a data fetcher when its request has ended: answered, timed out, or given up by the
 * client. Spring turns a fetcher's Mono into a future that nothing cancels, so work that runs
 * long (an exchange proposal's search) would run on after its request was gone; a fetcher that
 * passes its Mono through {@link #bound} is cancelled the moment the request ends instead.
 */
@Component
@Order(1)
public class RequestEnd implements WebGraphQlInterceptor {

	private static final String KEY = "junheng.requestEnd";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Sinks.One<Boolean> ended = Sinks.one();
		request.configureExecutionInput((input, builder) -> builder.graphQLContext((context) -> context.put(KEY, ended)).build());
		return chain.next(request).doFinally((signal) -> ended.tryEmitValue(true));
	}

	/** The work, cancelled when the request of this context ends before it does. */
	public static <T> Mono<T> bound(GraphQLContext context, Mono<T> work) {
		Sinks.One<Boolean> ended = context.get(KEY);
		return (ended != null) ? work.takeUntilOther(ended.asMono()) : work;
	}

}
