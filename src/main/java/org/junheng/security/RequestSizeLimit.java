package org.junheng.security;

import java.util.Map;

import org.junheng.system.ErrorResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Answers 413 with a GraphQL-shaped error when a request declares a body above
 * {@code junheng.graphql.max-body-size}, before reading a byte of it. Bodies sent without a
 * length are bounded by {@code spring.codec.max-in-memory-size} as they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

	private final long maxBody;

	RequestSizeLimit(@Value("${junheng.graphql.max-body-size:100000}") long maxBody) {
		this.maxBody = maxBody;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length <= this.maxBody) {
			return chain.filter(exchange);
		}
		return ErrorResponse.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is too large (" + length + " bytes, at most " + this.maxBody + ")",
				Refusal.QUERY_TOO_COMPLEX.name(), Map.of("limit", "bodySize", "actual", length, "max", this.maxBody));
	}

}
