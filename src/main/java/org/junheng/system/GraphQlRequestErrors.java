package org.junheng.system;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A request to {@code /graphql} that is not a GraphQL request at all (malformed JSON, no query,
 * an unsupported media type) is answered with its 4xx status and a GraphQL-shaped error, like
 * every other refusal, rather than Boot's generic error page. Runs before Boot's handler (-1).
 */
@Component
@Order(-2)
class GraphQlRequestErrors implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!(ex instanceof ResponseStatusException status) || !status.getStatusCode().is4xxClientError()
				|| !exchange.getRequest().getPath().value().equals("/graphql") || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode code = status.getStatusCode();
		Text message = switch (code.value()) {
			case 405 -> Text.of("http.methodNotAllowed");
			case 406 -> Text.of("http.notAcceptable");
			case 415 -> Text.of("http.unsupportedMediaType");
			default -> Text.of("http.notGraphQl");
		};
		exchange.getResponse().getHeaders().putAll(status.getHeaders());
		return ErrorResponse.write(exchange, code, message, "BAD_REQUEST", Map.of());
	}

}
