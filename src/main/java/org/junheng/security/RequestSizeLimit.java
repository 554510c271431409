package org.junheng.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.system.ErrorResponse;
import org.junheng.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 413 with a GraphQL-shaped error when a request's body is above
 * {@code junheng.graphql.max-body-size} ({@code junheng.imports.max-file-size} for an upload to
 * {@code /imports/}): before reading a byte of it when it declares its length,
 * and as soon as the limit is passed when it is sent in chunks without one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

	private final long maxGraphQl;

	private final long maxUpload;

	RequestSizeLimit(@Value("${junheng.graphql.max-body-size:100000}") long maxGraphQl,
			@Value("${junheng.imports.max-file-size:20000000}") long maxUpload) {
		this.maxGraphQl = maxGraphQl;
		this.maxUpload = maxUpload;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// A spreadsheet upload may be large; anything else is a GraphQL request or smaller.
		long maxBody = exchange.getRequest().getPath().value().startsWith("/imports/") ? this.maxUpload : this.maxGraphQl;
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxBody) {
			return tooLarge(exchange, Text.of("refusal.bytes", length), maxBody);
		}
		if (length >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong read = new AtomicLong();
				return super.getBody().doOnNext((buffer) -> {
					if (read.addAndGet(buffer.readableByteCount()) > maxBody) {
						DataBufferUtils.release(buffer);
						throw new BodyTooLarge();
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build())
			.onErrorResume((ex) -> causedBy(ex, BodyTooLarge.class) && !exchange.getResponse().isCommitted(),
					(ex) -> tooLarge(exchange, Text.of("refusal.moreBytes", maxBody), maxBody));
	}

	private static Mono<Void> tooLarge(ServerWebExchange exchange, Text actual, long maxBody) {
		return ErrorResponse.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, Text.of("refusal.bodySize", actual, maxBody),
				Refusal.QUERY_TOO_COMPLEX.name(), Map.of("limit", "bodySize", "max", maxBody));
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable at = ex; at != null; at = at.getCause()) {
			if (type.isInstance(at)) {
				return true;
			}
		}
		return false;
	}

	private static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super("request body over the limit", null, false, false);
		}

	}

}
