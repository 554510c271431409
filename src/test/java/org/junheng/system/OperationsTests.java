package org.junheng.system;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.junheng.ServerInstance;
import org.junheng.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operations engineer and a frontend on another origin meet, on a running server: health,
 * info and Prometheus metrics on the management port and nothing else there; CORS for the
 * configured origins only; compressed answers; static files revalidated by ETag; the schema as
 * UTF-8 text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTests {

	private ServerInstance server;

	private WebTestClient api;

	private WebTestClient management;

	@BeforeAll
	void start() {
		this.server = ServerInstance.onTestDatabase(Map.of("junheng.cors.allowed-origins", "http://localhost:3000, http://dash.example",
				// The county's region and plans, whichever test class runs first.
				"junheng.demo-data", "true"));
		this.api = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.server.port())
			.responseTimeout(Duration.ofSeconds(10)).build();
		this.management = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.server.managementPort())
			.responseTimeout(Duration.ofSeconds(10)).build();
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void healthInfoAndMetricsAnswerOnTheManagementPortOnly() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			this.management.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
		}
		this.management.get().uri("/actuator/info").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.build.version").isEqualTo("0.1.0-SNAPSHOT").jsonPath("$.git.commit.id").exists();
		for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump" }) {
			this.management.get().uri(hidden).exchange().expectStatus().isNotFound();
		}
		this.api.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
		// A request of each kind, then the figures that count them.
		post("{ region(code: \"511921\") { name plans { title } } }", Tokens.admin()).expectStatus().isOk()
			.expectBody().jsonPath("$.data.region.plans").isNotEmpty();
		post("{ a0: __typename " + "x: __typename ".repeat(0) + aliases(40) + " }", null).expectStatus().isOk();
		this.api.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer nonsense")
			.bodyValue("{\"query\":\"{ __typename }\"}").exchange().expectStatus().isUnauthorized();
		String metrics = new String(this.management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
		// Requests and their top-level fields are timed, not every nested field of every object.
		assertThat(metrics).containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"region\"")
			.doesNotContainPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"plans\"");
		// Batch loads are observed too, made on demand as they are (OnDemandDataLoaders).
		assertThat(metrics).containsPattern("graphql_dataloader_seconds_count\\{[^}]*\"Region.plans\"");
		assertThat(metrics).contains("graphql_request_seconds_count")
			.contains("r2dbc_pool_acquired_connections")
			.containsPattern("junheng_requests_refused_total\\{[^}]*reason=\"QUERY_TOO_COMPLEX\"[^}]*\\} [1-9]")
			.containsPattern("junheng_requests_refused_total\\{[^}]*reason=\"401\"[^}]*\\} [1-9]")
			.contains("junheng_subscriptions_open{").contains("transport=\"websocket\"")
			.contains("junheng_live_lag_seconds").contains("junheng_live_fell_behind_total");
	}

	@Test
	void frontendsOnConfiguredOriginsMayCallTheApi() {
		for (String path : new String[] { "/graphql" }) {
			this.api.method(HttpMethod.OPTIONS).uri(path).header(HttpHeaders.ORIGIN, "http://localhost:3000")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
				.exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
		}
		this.api.post().uri("/graphql").header(HttpHeaders.ORIGIN, "http://dash.example").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\":\"{ region(code: \\\"511921\\\") { name } }\"}").exchange()
			.expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://dash.example");
		this.api.method(HttpMethod.OPTIONS).uri("/graphql").header(HttpHeaders.ORIGIN, "http://elsewhere.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
			.expectStatus().isForbidden().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void answersAreCompressedAndStaticFilesRevalidated() {
		// A plain client, which shows the encoding as it came (WebTestClient's would undo it).
		HttpClient plain = HttpClient.newHttpClient();
		HttpResponse<byte[]> script = send(plain, HttpRequest.newBuilder(uri("/graphiql/graphiql.min.js"))
			.header("Accept-Encoding", "gzip").build());
		assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(script.body().length).isLessThan(400_000);
		HttpResponse<byte[]> answer = send(plain, HttpRequest.newBuilder(uri("/graphql")).header("Accept-Encoding", "gzip")
			.header("Content-Type", "application/json").header("Authorization", Tokens.bearer(Tokens.admin()))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ indicatorDefinitions { code nameZh nameEn unit baseFigures } }\"}"))
			.build());
		assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String etag = this.api.get().uri("/display/dashboard.js").exchange().expectStatus().isOk()
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).contains("max-age").doesNotContain("no-store"))
			.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(etag).isNotBlank();
		this.api.get().uri("/display/dashboard.js").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
		this.api.get().uri("/graphql/schema").exchange().expectStatus().isOk()
			.expectHeader().contentType("text/plain;charset=UTF-8")
			.expectBody(String.class).value((schema) -> assertThat(schema).contains("type School implements Node"));
	}

	private java.net.URI uri(String path) {
		return java.net.URI.create("http://127.0.0.1:" + this.server.port() + path);
	}

	private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebTestClient.ResponseSpec post(String document, String token) {
		WebTestClient.RequestBodySpec request = this.api.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header("Authorization", Tokens.bearer(token));
		}
		return request.bodyValue(Map.of("query", document)).exchange();
	}

	private static String aliases(int count) {
		StringBuilder fields = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			fields.append("a").append(i).append(": __typename ");
		}
		return fields.toString();
	}

}
