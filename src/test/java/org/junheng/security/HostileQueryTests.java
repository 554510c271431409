package org.junheng.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junheng.EndToEndTest;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests (documents under {@code graphql-test/hostile/} and raw bodies),
 * each answered within a second with a clear GraphQL error and nothing internal, while an
 * ordinary query is still answered promptly in the middle of a flood of them.
 */
@EndToEndTest
class HostileQueryTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient web;

	@LocalServerPort
	private int port;

	record Case(String name, String body, String classification) {
	}

	@Test
	void everyHostileRequestIsRefusedClearlyWithinASecond() {
		String huge = "{ indicatorDefinitions { code } }\n#" + "x".repeat(30_000);
		List<Case> corpus = List.of(
				new Case("deep nesting", query(document("deepNesting"), null), "QUERY_TOO_COMPLEX"),
				new Case("alias flood", query(document("aliasFlood"), null), "QUERY_TOO_COMPLEX"),
				new Case("fragment cycle", query(document("fragmentCycle"), null), "ValidationError"),
				new Case("pages in pages", query(document("costlyTree"), null), "QUERY_TOO_COMPLEX"),
				new Case("huge page", query(document("hugePage"), null), "QUERY_TOO_COMPLEX"),
				new Case("wrong variable type", query(document("wrongVariableType"), Map.of("first", "many")), "ValidationError"),
				new Case("introspection abuse", query(document("introspectionAbuse"), null), null),
				new Case("long document", query(huge, null), "QUERY_TOO_COMPLEX"),
				new Case("oversized body", query("{ indicatorDefinitions { code } }", Map.of("padding", "x".repeat(200_000))),
						"QUERY_TOO_COMPLEX"),
				new Case("fragment bomb", query(fragmentBomb(22), null), "QUERY_TOO_COMPLEX"),
				new Case("__typename aliases", query("{ " + "t: __typename ".repeat(1) + aliases(1000) + " }", null),
						"QUERY_TOO_COMPLEX"),
				new Case("malformed JSON", "{\"query\": \"{ indicatorDefinitions { code } }\"", null),
				new Case("not an object", "[1, 2, 3]", null),
				new Case("no query", "{\"variables\": {}}", null),
				new Case("unknown operation", "{\"query\": \"query a { indicatorDefinitions { code } }\", \"operationName\": \"b\"}",
						null));
		// One untimed request first, so a cold JVM's first-request costs are not charged to the corpus.
		this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(query(document("deepNesting"), null))
			.exchange().expectStatus().isOk();
		// Each on a connection of its own: the oversized body is refused before it is read (OwnConnection).
		WebTestClient client = org.junheng.OwnConnection.to(this.port).responseTimeout(Duration.ofSeconds(1))
			.defaultHeader("Authorization", Tokens.bearer(Tokens.admin())).build();
		for (Case hostile : corpus) {
			byte[] body = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
				.bodyValue(hostile.body())
				.exchange()
				.expectStatus().value((status) -> assertThat(status).as(hostile.name()).isIn(200, 400, 413))
				.expectBody().returnResult().getResponseBody();
			String text = new String(body, StandardCharsets.UTF_8);
			assertThat(text).as(hostile.name()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("select ")
				.doesNotContain("junheng.");
			JsonNode errors = json.readTree(text).path("errors");
			assertThat(errors.isArray() && !errors.isEmpty()).as(hostile.name() + ": " + text).isTrue();
			assertThat(errors.get(0).path("message").asString()).as(hostile.name()).isNotBlank();
			if (hostile.classification() != null) {
				assertThat(errors.get(0).path("extensions").path("classification").asString()).as(hostile.name() + ": " + text)
					.isEqualTo(hostile.classification());
			}
		}
	}

	@Test
	void ordinaryQueriesAreAnsweredWhileAFloodIsRefused() {
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.defaultHeader("Authorization", Tokens.bearer(Tokens.admin()))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1_000_000))
			.build();
		String costly = query(document("costlyTree"), null);
		String deep = query(document("deepNesting"), null);
		Flux<String> flood = Flux.range(0, 400)
			.flatMap((i) -> post(client, (i % 2 == 0) ? costly : deep), 32);
		Mono<String> ordinary = Mono.delay(Duration.ofMillis(200))
			.then(post(client, query("{ region(code: \"511921\") { name } }", null)));
		StepVerifier.create(Flux.merge(flood.filter((answer) -> !answer.contains("QUERY_TOO_COMPLEX")), ordinary.flux())
				.take(1))
			.assertNext((answer) -> assertThat(answer).contains("通江县"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void fragmentBombsAreRefusedBeforeAnyWorkWhileOrdinaryQueriesGoOn() {
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + this.port + "/graphql").build();
		String bomb = query(fragmentBomb(24), null);
		Flux<String> bombs = Flux.range(0, 60).flatMap((i) -> post(client, bomb), 8);
		StepVerifier.create(bombs.collectList())
			.assertNext((answers) -> assertThat(answers).hasSize(60).allSatisfy((answer) -> assertThat(answer)
				.contains("QUERY_TOO_COMPLEX").contains("\"limit\":\"fields\"")))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		String region = query("{ region(code: \"511921\") { name } }", null);
		// Once untimed: run alone, a cold JVM took more than the second below for its first
		// ordinary query; the flood is what is measured.
		StepVerifier.create(post(client, region)).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(10));
		Mono<String> ordinary = Mono.delay(Duration.ofMillis(100)).then(post(client, region));
		StepVerifier.create(Flux.merge(Flux.range(0, 200).flatMap((i) -> post(client, bomb), 16)
				.filter((answer) -> !answer.contains("QUERY_TOO_COMPLEX")), ordinary.flux()).take(1))
			.assertNext((answer) -> assertThat(answer).contains("通江县"))
			.expectComplete()
			.verify(Duration.ofSeconds(1));
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedWith413() {
		byte[] chunk = new byte[64 * 1024];
		java.util.Arrays.fill(chunk, (byte) ' ');
		org.springframework.core.io.buffer.DefaultDataBufferFactory buffers = new org.springframework.core.io.buffer.DefaultDataBufferFactory();
		// 10 MB in 160 chunks and no Content-Length: the server must stop reading and answer 413.
		Flux<org.springframework.core.io.buffer.DataBuffer> body = Flux.range(0, 160).map((i) -> buffers.wrap(chunk.clone()));
		org.junheng.OwnConnection.to(this.port).build().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.body(org.springframework.web.reactive.function.BodyInserters.fromDataBuffers(body))
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("QUERY_TOO_COMPLEX");
	}

	@Test
	void aMutationOverGetIsRefusedWithAClassification() {
		this.web.get().uri((uri) -> uri.path("/graphql").queryParam("query", "{query}")
				.build("mutation { updateRegion(input: { code: \"511921\", version: 0 }) { code } }"))
			.exchange()
			.expectStatus().isEqualTo(405)
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void oneDocumentIsJudgedByTheVariablesOfEachRequest() {
		// The measure of a document is kept by its variables: a page size or a NUL of one request
		// is never another request's verdict.
		String pages = "query($n: Int) { regions(first: $n) { edges { node { schools(first: $n) { edges { node {"
				+ " teachers(first: $n) { edges { node { name } } } } } } } } } }";
		String search = "query($name: String) { teachers(first: 1, filter: { name: $name }) { totalCount } }";
		List<Case> requests = List.of(new Case("small pages", query(pages, Map.of("n", 5)), null),
				new Case("pages in pages", query(pages, Map.of("n", 100)), "QUERY_TOO_COMPLEX"),
				new Case("small pages again", query(pages, Map.of("n", 5)), null),
				new Case("a name", query(search, Map.of("name", "王")), null),
				new Case("a NUL in the name", query(search, Map.of("name", "王\u0000")), "BAD_REQUEST"),
				new Case("the name again", query(search, Map.of("name", "王")), null),
				new Case("the NUL again", query(search, Map.of("name", "王\u0000")), "BAD_REQUEST"));
		for (Case request : requests) {
			JsonNode answer = json.readTree(this.web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", Tokens.bearer(Tokens.admin())).bodyValue(request.body()).exchange()
				.expectBody().returnResult().getResponseBody());
			if (request.classification() == null) {
				assertThat(answer.path("errors").isMissingNode()).as(request.name() + ": " + answer).isTrue();
				assertThat(answer.path("data").isObject()).as(request.name()).isTrue();
			}
			else {
				assertThat(answer.path("errors").path(0).path("extensions").path("classification").asString())
					.as(request.name() + ": " + answer).isEqualTo(request.classification());
				assertThat(answer.path("data").isNull() || answer.path("data").isMissingNode()).as(request.name()).isTrue();
			}
		}
	}

	/** Fragments each spreading the one before twice: a few hundred characters, 2^levels fields. */
	private static String fragmentBomb(int levels) {
		StringBuilder document = new StringBuilder("{ ...F").append(levels).append(" }\nfragment F0 on Query { __typename }\n");
		for (int i = 1; i <= levels; i++) {
			document.append("fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1)
				.append(" }\n");
		}
		return document.toString();
	}

	private static String aliases(int count) {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < count; i++) {
			fields.append("a").append(i).append(": __typename ");
		}
		return fields.toString();
	}

	private static Mono<String> post(WebClient client, String body) {
		return client.post().contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().bodyToMono(String.class);
	}

	private static String query(String document, Map<String, Object> variables) {
		return json.writeValueAsString((variables != null) ? Map.of("query", document, "variables", variables)
				: Map.of("query", document));
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("graphql-test/hostile/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
