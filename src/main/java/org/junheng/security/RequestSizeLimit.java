package org.junheng.security;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
		byte[] body = ("{\"errors\":[{\"message\":\"The request body is too large (" + length + " bytes, at most "
				+ this.maxBody + ")\",\"extensions\":{\"classification\":\"QUERY_TOO_COMPLEX\",\"limit\":\"bodySize\","
				+ "\"actual\":" + length + ",\"max\":" + this.maxBody + "}}]}").getBytes(StandardCharsets.UTF_8);
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
