package org.junheng.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The HTTP status of a POST to {@code /graphql}: Spring's (400 for a document that never ran,
 * with {@code application/graphql-response+json}), and 503 when the database was out of reach
 * and that is all the request got (see {@link DatabaseUnavailable#onlyOutcome}). Legacy
 * {@code application/json} answers stay 200, as the GraphQL-over-HTTP spec asks.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpStatus {

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
		return new GraphQlHttpHandler(handler) {
			@Override
			protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
				HttpStatus status = status(response, mediaType);
				return (status != null) ? status : super.selectResponseStatus(response, mediaType);
			}
		};
	}

	/** 503 for a request the database's absence answered alone, in the spec's media type; else null. */
	static HttpStatus status(WebGraphQlResponse response, MediaType mediaType) {
		return (MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equalsTypeAndSubtype(mediaType)
				&& DatabaseUnavailable.onlyOutcome(response.getExecutionResult())) ? HttpStatus.SERVICE_UNAVAILABLE : null;
	}

}
