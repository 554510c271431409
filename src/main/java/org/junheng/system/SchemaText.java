package org.junheng.system;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code GET /graphql/schema} is the SDL, which is full of Chinese: it says it is UTF-8, so that a
 * browser or a code generator that does not assume it reads the text right.
 */
@Component
class SchemaText implements WebFilter {

	private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().value().equals("/graphql/schema")) {
			exchange.getResponse().beforeCommit(() -> {
				if (MediaType.TEXT_PLAIN.equalsTypeAndSubtype(exchange.getResponse().getHeaders().getContentType())) {
					exchange.getResponse().getHeaders().setContentType(UTF8_TEXT);
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

}
