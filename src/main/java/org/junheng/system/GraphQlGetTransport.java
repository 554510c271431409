package org.junheng.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphQL over HTTP with GET, as the GraphQL-over-HTTP spec describes: {@code query},
 * {@code variables}, {@code operationName} and {@code extensions} in the URL, for queries only.
 * A mutation over GET is refused with 405 so a link or a prefetch can never change data.
 * Spring for GraphQL serves POST itself.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetTransport {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** Ahead of Boot's GraphQL route, which answers every GET on the path with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetRoute(@Value("${spring.graphql.http.path:/graphql}") String path,
			WebGraphQlHandler handler, JsonMapper json, PersistedQueries persisted) {
		return RouterFunctions.route(RequestPredicates.GET(path).and(RequestPredicates.queryParam("query", (q) -> true)
				.or(RequestPredicates.queryParam("extensions", (e) -> e.contains("persistedQuery")))),
				(request) -> handle(request, handler, json, persisted));
	}

	private static Mono<ServerResponse> handle(ServerRequest request, WebGraphQlHandler handler, JsonMapper json,
			PersistedQueries persisted) {
		MediaType mediaType = request.headers().accept().stream()
			.filter((accepted) -> accepted.isCompatibleWith(MediaType.APPLICATION_JSON) && !accepted.isWildcardType())
			.findFirst()
			.filter(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
			.orElse(GRAPHQL_RESPONSE);
		String query = request.queryParam("query").orElse("");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		request.queryParam("operationName").filter((name) -> !name.isBlank()).ifPresent((name) -> body.put("operationName", name));
		Locale language = Languages.of(request.headers().asHttpHeaders());
		try {
			request.queryParam("variables").filter((v) -> !v.isBlank()).ifPresent((v) -> body.put("variables", json.readValue(v, MAP)));
			request.queryParam("extensions").filter((e) -> !e.isBlank()).ifPresent((e) -> body.put("extensions", json.readValue(e, MAP)));
		}
		catch (JacksonException ex) {
			return ServerResponse.badRequest().contentType(mediaType)
				.bodyValue(Map.of("errors", List.of(Map.of("message", Text.of("http.getJson").in(language),
						"extensions", Map.of("classification", "BAD_REQUEST")))));
		}
		// A persisted query's hash alone: its document, if known, is checked like any other (queries
		// only); an unknown hash is answered PersistedQueryNotFound by the engine.
		String hash = PersistedQueries.hash(castMap(body.get("extensions")));
		if (query.isEmpty() && hash != null) {
			String known = persisted.known(hash);
			query = (known != null) ? known : PersistedQueries.MARKER;
			body.put("query", query);
		}
		if (!isQuery(query, (String) body.get("operationName"))) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST).contentType(mediaType)
				.bodyValue(Map.of("errors", List.of(Map.of("message", Text.of("http.getQueryOnly").in(language),
						"extensions", Map.of("classification", "METHOD_NOT_ALLOWED")))));
		}
		Locale locale = request.exchange().getLocaleContext().getLocale();
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				request.cookies(), request.remoteAddress().orElse(null), request.attributes(), body,
				request.exchange().getRequest().getId(), (locale != null) ? locale : Locale.getDefault());
		return handler.handleRequest(graphQlRequest).flatMap((response) -> respond(response, mediaType));
	}

	private static Mono<ServerResponse> respond(WebGraphQlResponse response, MediaType mediaType) {
		// application/graphql-response+json reports a request that never executed (syntax or
		// validation errors) with 400, and a database out of reach with 503; legacy application/json
		// always answers 200.
		HttpStatus unavailable = GraphQlHttpStatus.status(response, mediaType);
		HttpStatus status = (unavailable != null) ? unavailable
				: (!response.isValid() && GRAPHQL_RESPONSE.equals(mediaType)) ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
		return ServerResponse.status(status).contentType(mediaType).bodyValue(response.toMap());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

	/** Whether the operation the request selects is a query; unparsable documents execute to report their errors. */
	static boolean isQuery(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return true;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter((operation) -> operationName == null || operationName.equals(operation.getName()))
			.allMatch((operation) -> operation.getOperation() == OperationDefinition.Operation.QUERY);
	}

}
