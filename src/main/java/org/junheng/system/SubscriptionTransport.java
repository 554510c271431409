package org.junheng.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.webflux.GraphQlRequestPredicates;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A subscription sent as a plain HTTP request (POST with {@code Accept: application/json}) would
 * be answered with its stream serialized as if it were data. It is refused instead with a
 * BAD_REQUEST naming the two transports subscriptions run over; the stream is never subscribed,
 * so nothing starts. WebSocket and Server-Sent Events requests pass untouched.
 */
@Component
class SubscriptionTransport implements WebGraphQlInterceptor {

	/** The route Spring for GraphQL sends plain HTTP requests to; SSE requests match its other route. */
	private final RequestPredicate plainHttp;

	SubscriptionTransport(@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.plainHttp = GraphQlRequestPredicates.graphQlHttp(path);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> (response.getData() instanceof Publisher<?> && plainHttp(request))
				? refused(response, Languages.of(request.getHeaders())) : response);
	}

	private boolean plainHttp(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest) {
			return false;
		}
		if (request.getAttributes().get(RouterFunctions.REQUEST_ATTRIBUTE) instanceof ServerRequest routed) {
			return this.plainHttp.test(routed);
		}
		return request.getHeaders().getAccept().stream().noneMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
	}

	private static WebGraphQlResponse refused(WebGraphQlResponse response, Locale locale) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(Text.of("http.subscriptionTransport").in(locale))
				.extensions(Map.of("transports", List.of("graphql-transport-ws", "text/event-stream")))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), result));
	}

}
