package org.junheng.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Metrics;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * A GraphQL-shaped error answered before GraphQL runs (a bad token, a body too large, a body that
 * is no GraphQL request), so clients read every refusal the same way: {@code errors[0].message}
 * and {@code errors[0].extensions.classification}.
 */
public final class ErrorResponse {

	/**
	 * Requests refused before or while they ran, by reason (a classification, or an HTTP status
	 * for those refused before GraphQL: 401, 413, 400), in Micrometer's global registry, to which
	 * Boot adds the Prometheus one.
	 */
	public static final String REFUSED = "junheng.requests.refused";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ErrorResponse() {
	}

	/** Whether {@link #refusal} answers this failure: a refused input, a name that finds nothing, a caller refused. */
	public static boolean isRefusal(Throwable failure) {
		return failure instanceof InvalidInputException || failure instanceof NotFoundException || failure instanceof ForbiddenException;
	}

	/**
	 * A refusal of an HTTP endpoint beside the graph (an upload, an export) answered as the graph
	 * classifies it: BAD_REQUEST 400, NOT_FOUND 404, UNAUTHORIZED 401 or FORBIDDEN 403, with the field.
	 */
	public static Mono<Void> refusal(ServerWebExchange exchange, Throwable failure) {
		if (failure instanceof InvalidInputException invalid) {
			InvalidInputException.Problem problem = invalid.problems().get(0);
			return write(exchange, HttpStatus.BAD_REQUEST, problem.text(), "BAD_REQUEST", Map.of("field", problem.field()));
		}
		if (failure instanceof NotFoundException missing) {
			return write(exchange, HttpStatus.NOT_FOUND, missing.text(), "NOT_FOUND", Map.of("field", missing.field()));
		}
		if (failure instanceof ForbiddenException refused) {
			return write(exchange, refused.anonymous() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, refused.text(),
					refused.anonymous() ? "UNAUTHORIZED" : "FORBIDDEN", Map.of("field", refused.field()));
		}
		return Mono.error(failure);
	}

	/** Answers the exchange with the error, its message in the request's language. */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Text text, String classification,
			Map<String, Object> more) {
		ServerHttpResponse response = exchange.getResponse();
		String message = text.in(Languages.of(exchange.getRequest().getHeaders()));
		Metrics.counter(REFUSED, "reason", String.valueOf(status.value())).increment();
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", classification);
		extensions.putAll(more);
		byte[] body = json.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
