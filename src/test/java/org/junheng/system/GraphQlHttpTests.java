package org.junheng.system;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GraphQL over HTTP as the spec has it: POST, GET for queries only, graphql-response+json, clean refusals. */
@EndToEndTest
class GraphQlHttpTests {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@Autowired
	private WebTestClient http;

	@LocalServerPort
	private int port;

	@Test
	void queriesAnswerOverGetWithTheGraphQlResponseType() {
		this.http.get().uri(get("{ region(code: \"511921\") { name } }", null))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(GRAPHQL_RESPONSE)
			.expectBody().jsonPath("$.data.region.name").isEqualTo("通江县");
		this.http.get().uri(get("query($c: String!) { region(code: $c) { code } }", "{\"c\":\"511900\"}"))
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody().jsonPath("$.data.region.code").isEqualTo("511900");
	}

	@Test
	void mutationsOverGetAreRefusedWith405() {
		this.http.get().uri(get("mutation { updateRegion(input: { code: \"511921\", version: 0, name: \"改名\" }) { name } }", null))
			.exchange()
			.expectStatus().isEqualTo(405)
			.expectHeader().valueEquals(HttpHeaders.ALLOW, "POST");
		this.http.get().uri(get("{ region(code: \"511921\") { name } }", null))
			.exchange().expectBody().jsonPath("$.data.region.name").isEqualTo("通江县");
	}

	@Test
	void documentsThatCannotRunAre400WithoutInternals() {
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
			.bodyValue("{\"query\": \"{ region(code: 511921) { nosuchfield } }\"}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("ValidationError")
			.jsonPath("$.data").doesNotExist();
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE).bodyValue("{\"query\": \"{ region(\"}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("InvalidSyntax");
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE).bodyValue("{not json")
			.exchange()
			.expectStatus().isBadRequest();
	}

	@Test
	void wrongVariableTypesAreRefusedBeforeAnythingRuns() {
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
			.bodyValue("{\"query\": \"query($f: Int) { schools(first: $f) { totalCount } }\", \"variables\": {\"f\": \"many\"}}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].message").value((String message) -> org.assertj.core.api.Assertions
				.assertThat(message).contains("'f'").doesNotContain("Exception"));
	}

	@Test
	void aSubscriptionOverPlainHttpIsRefusedNamingTheTransports() {
		String body = "{\"query\": \"subscription { milestoneUpdates { cursor } }\"}";
		for (MediaType accept : java.util.List.of(MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE)) {
			this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept).bodyValue(body)
				.exchange()
				// application/json answers 200 whatever happened; graphql-response+json 400 for a request that did not run.
				.expectStatus().isEqualTo(accept.equals(GRAPHQL_RESPONSE) ? 400 : 200)
				.expectBody()
				.jsonPath("$.data").doesNotExist()
				.jsonPath("$.errors.length()").isEqualTo(1)
				.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
				.jsonPath("$.errors[0].message").value((String message) -> org.assertj.core.api.Assertions.assertThat(message)
					.contains("WebSocket（graphql-transport-ws）连接 /graphql").contains("Accept: text/event-stream")
					.doesNotContain("Publisher"));
		}
	}

	/** A GET URL with the query (and variables) percent-encoded, as a browser would send it. */
	@Test
	void aPersistedQuerysHashStandsForItsDocumentOnceSentOverPostAndGet() {
		// A document of this test alone, so no other test has registered its hash.
		String document = "{ region(code: \"511921\") { name } __typename apq" + System.nanoTime() + ": __typename }";
		String hash = PersistedQueries.sha256(document);
		String extensions = "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}";
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"extensions\": " + extensions + "}")
			.exchange().expectBody()
			.jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data").doesNotExist();
		this.http.get().uri(persistedGet(extensions)).exchange().expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		// A hash that is not the document's is refused, and registers nothing.
		String wrong = extensions.replace(hash, PersistedQueries.sha256("{ __typename }"));
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("query", document, "extensions", java.util.Map.of("persistedQuery", java.util.Map.of("version", 1,
					"sha256Hash", PersistedQueries.sha256("{ __typename }")))))
			.exchange().expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("query", document, "extensions", java.util.Map.of("persistedQuery", java.util.Map.of("version", 1,
					"sha256Hash", hash))))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.data.region.name").isEqualTo("通江县");
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"extensions\": " + extensions + "}")
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.data.region.name").isEqualTo("通江县")
			.jsonPath("$.errors").doesNotExist();
		this.http.get().uri(persistedGet(extensions)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.data.region.name").isEqualTo("通江县");
		this.http.get().uri(persistedGet(wrong)).exchange().expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		// A persisted mutation still does not run over GET.
		String mutation = "mutation { updateRegion(input: { code: \"511921\", version: -" + System.nanoTime() + ", name: \"改名\" }) { name } }";
		String mutationHash = PersistedQueries.sha256(mutation);
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("query", mutation, "extensions", java.util.Map.of("persistedQuery", java.util.Map.of("version", 1,
					"sha256Hash", mutationHash))))
			.exchange().expectBody().jsonPath("$.errors[0].extensions.classification").exists();
		this.http.get().uri(persistedGet(extensions.replace(hash, mutationHash))).exchange().expectStatus().isEqualTo(405);
	}

	private java.net.URI persistedGet(String extensions) {
		return java.net.URI.create("http://127.0.0.1:" + this.port + "/graphql?extensions="
				+ java.net.URLEncoder.encode(extensions, java.nio.charset.StandardCharsets.UTF_8));
	}

	private java.net.URI get(String query, String variables) {
		String url = "http://127.0.0.1:" + this.port + "/graphql?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
		if (variables != null) {
			url += "&variables=" + java.net.URLEncoder.encode(variables, java.nio.charset.StandardCharsets.UTF_8);
		}
		return java.net.URI.create(url);
	}

	@Test
	void graphiqlIsServedWithoutAnyCdn() {
		this.http.get().uri("/graphiql").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value((page) -> org.assertj.core.api.Assertions.assertThat(page)
				.contains("/graphiql/graphiql.min.js").doesNotContain("https://"));
		this.http.get().uri("/graphiql/graphiql.min.js").exchange().expectStatus().isOk();
		this.http.get().uri("/graphiql/react.production.min.js").exchange().expectStatus().isOk();
	}

}
