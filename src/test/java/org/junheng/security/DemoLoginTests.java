package org.junheng.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.junheng.HeadlessChromium;
import org.junheng.ServerInstance;
import org.junheng.Tokens;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a newcomer gets from {@code ./mvnw spring-boot:run}: the embedded database with the demo
 * county, a key made up at start, and a working token per demo role, each seeing what its role
 * should. Anywhere but the embedded default, a missing secret stops the start instead.
 */
class DemoLoginTests {

	@Test
	void aLocalRunHandsOutADemoTokenPerRoleAndEachSeesItsShare(@TempDir Path data) throws Exception {
		Files.createDirectories(data);
		try (ServerInstance server = ServerInstance.start(Map.of("junheng.embedded.data-dir", data.resolve("pg").toString(),
				"junheng.demo-data", "true", "junheng.security.jwt-secret", "", "server.shutdown", "immediate"))) {
			WebTestClient web = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + server.port()).build();
			List<Map<String, String>> users = web.get().uri("/auth/demo-tokens").exchange().expectStatus().isOk()
				.expectBody(new ParameterizedTypeReference<List<Map<String, String>>>() {
				}).returnResult().getResponseBody();
			assertThat(users).extracting((user) -> user.get("role"))
				.containsExactly("ADMIN", "PLANNER", "SCHOOL_ADMIN", "VIEWER");
			Map<String, HttpGraphQlTester> as = new java.util.HashMap<>();
			for (Map<String, String> user : users) {
				as.put(user.get("role"), HttpGraphQlTester.create(org.junheng.OwnConnection.bindToServer()
					.baseUrl("http://127.0.0.1:" + server.port() + "/graphql")
					.defaultHeader("Authorization", Tokens.bearer(user.get("token"))).build()));
			}
			String teachers = "{ teachers(first: 1, filter: { regionCode: \"511921\" }) { edges { node { name subjects } } } }";
			as.get("ADMIN").document(teachers).execute().errors().verify().path("teachers.edges[0].node.name").hasValue();
			as.get("SCHOOL_ADMIN").document(teachers).execute().errors().verify().path("teachers.edges[0].node.name").hasValue();
			as.get("VIEWER").document(teachers).execute()
				.errors().satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")))
				.path("teachers.edges[0].node.subjects").hasValue();
			as.get("SCHOOL_ADMIN").document("{ schools(first: 100) { edges { node { name } } } }").execute().errors().verify()
				.path("schools.edges[*].node.name").entityList(String.class).containsExactly("通江县实验小学");
			as.get("SCHOOL_ADMIN").document("{ teachers(first: 1) { totalCount } }").execute().errors().verify()
				.path("teachers.totalCount").entity(Integer.class).isEqualTo(136);
			as.get("PLANNER").document("{ schools(first: 1) { totalCount } }").execute().errors().verify()
				.path("schools.totalCount").entity(Integer.class).satisfies((count) -> assertThat(count).isGreaterThan(50));
			as.get("ADMIN").document("{ auditTrail(first: 1) { totalCount } }").execute().errors().verify();
			web.get().uri("/graphiql").exchange().expectStatus().isOk().expectBody(String.class)
				.value((page) -> assertThat(page).contains("/auth/demo-tokens"));
			if (Files.isExecutable(HeadlessChromium.BINARY)) {
				signingInThroughGraphiql(server.port());
			}
		}
	}

	/** GraphiQL's "Sign in as" menu puts the chosen demo user's token on what GraphiQL sends. */
	private static void signingInThroughGraphiql(int port) throws Exception {
		try (HeadlessChromium browser = HeadlessChromium.open("http://127.0.0.1:" + port + "/graphiql")) {
			browser.await("document.getElementById('who').options.length", "5"::equals, Duration.ofSeconds(20));
			String teachers = "{ teachers(first: 1, filter: { regionCode: \"511921\" }) { edges { node { name } } } }";
			for (String who : List.of("demo-viewer", "demo-school-admin", "")) {
				browser.evaluate("(document.getElementById('who').value = '" + who + "', window.answer = null,"
						+ " (async () => { const r = await fetcher({ query: '" + teachers + "' });"
						// GraphiQL's fetcher answers with an async iterable when incremental delivery is on.
						+ " if (r[Symbol.asyncIterator]) { for await (const part of r) { window.answer = JSON.stringify(part); } }"
						+ " else { window.answer = JSON.stringify(r); } })(), 1)");
				String answer = browser.evaluate("window.answer");
				long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
				while ("null".equals(answer) && System.nanoTime() < deadline) {
					Thread.sleep(50);
					answer = browser.evaluate("window.answer");
				}
				switch (who) {
					case "demo-viewer" -> assertThat(answer).contains("FORBIDDEN").contains("\"name\":null");
					case "demo-school-admin" -> assertThat(answer).doesNotContain("errors").doesNotContain("\"name\":null");
					default -> assertThat(answer).contains("UNAUTHORIZED");
				}
			}
		}
	}

	@Test
	void aServerOnAnExternalDatabaseWithoutASecretRefusesToStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db/junheng");
		assertThatIllegalStateException().isThrownBy(() -> new LocalSecret("", environment))
			.withMessageContaining("junheng.security.jwt-secret");
		assertThatIllegalStateException().isThrownBy(() -> new LocalSecret("too-short", environment))
			.withMessageContaining("32 bytes");
		assertThat(new LocalSecret("", new MockEnvironment()).generated()).isTrue();
	}

}
