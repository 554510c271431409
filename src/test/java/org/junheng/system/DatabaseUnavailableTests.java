package org.junheng.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.junheng.ServerInstance;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away (its own embedded PostgreSQL, stopped): a query and a mutation answer
 * UNAVAILABLE with {@code retryable: true}, 503 for application/graphql-response+json and 200 for
 * legacy application/json, instead of an INTERNAL_ERROR; once it is back they work again.
 */
class DatabaseUnavailableTests {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@Test
	void queriesAndMutationsAnswerUnavailableWhileTheDatabaseIsDown() throws Exception {
		Path data = Files.createTempDirectory("junheng-unavailable");
		int port = freePort();
		EmbeddedPostgres postgres = start(data, port);
		EmbeddedPostgres restarted = null;
		try (ServerInstance server = ServerInstance.start(Map.of("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres",
				"spring.r2dbc.username", "postgres", "spring.r2dbc.password", "", "junheng.demo-data", "false",
				"junheng.live.poll", "1h", "server.shutdown", "immediate"))) {
			WebTestClient client = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + server.port() + "/graphql")
				.responseTimeout(Duration.ofSeconds(20)).defaultHeader("Authorization", Tokens.bearer(Tokens.admin())).build();
			String county = TestData.county(server.http());
			String query = "{ region(code: \"" + county + "\") { name schools(first: 1) { totalCount } } }";
			assertThat(post(client, query, GRAPHQL_RESPONSE).getStatus().value()).isEqualTo(200);

			postgres.close();

			assertUnavailable(post(client, query, GRAPHQL_RESPONSE), 503);
			assertUnavailable(post(client, createRegion(), GRAPHQL_RESPONSE), 503);
			assertUnavailable(post(client, createRegion(), MediaType.APPLICATION_JSON), 200);
			assertUnavailable(client.get().uri((uri) -> uri.queryParam("query", "{q}").build(query)).accept(GRAPHQL_RESPONSE)
				.exchange().expectBody(Map.class).returnResult(), 503);

			restarted = start(data, port);

			Map<?, ?> answer = untilTheDatabaseAnswers(client, query);
			assertThat(answer).extracting("data.region.name").isEqualTo("测试县");
			assertThat(untilTheDatabaseAnswers(client, createRegion())).extracting("data.createRegion.code").isNotNull();
		}
		finally {
			if (restarted != null) {
				restarted.close();
			}
		}
	}

	@Test
	void poolTimeoutsAndLostConnectionsAreUnavailableAndNothingElseIs() {
		assertThat(DatabaseUnavailable.is(new QueryTimeoutException("timeout",
				new R2dbcTimeoutException("Connection acquisition timed out after 5000ms")))).isTrue();
		assertThat(DatabaseUnavailable.is(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new R2dbcNonTransientResourceException("Connection refused")))).isTrue();
		assertThat(DatabaseUnavailable.is(new IllegalStateException(new R2dbcNonTransientResourceException("Connection closed")))).isTrue();
		assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("Could not open R2DBC Connection for transaction")))
			.isTrue();
		assertThat(DatabaseUnavailable.is(new R2dbcTimeoutException("canceling statement due to statement timeout"))).isFalse();
		assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key value violates unique constraint"))).isFalse();
		assertThat(DatabaseUnavailable.is(new IllegalStateException("boom"))).isFalse();
		assertThat(DatabaseUnavailable.is(new NullPointerException())).isFalse();
	}

	private static String createRegion() {
		return "mutation { createRegion(input: { code: \"" + TestData.regionCode()
				+ "\", name: \"断线省\", level: PROVINCE }) { code } }";
	}

	@SuppressWarnings("rawtypes")
	private static EntityExchangeResult<Map> post(WebTestClient client, String document, MediaType accept) {
		return client.post().contentType(MediaType.APPLICATION_JSON).accept(accept).bodyValue(Map.of("query", document))
			.exchange().expectBody(Map.class).returnResult();
	}

	@SuppressWarnings("rawtypes")
	private static void assertUnavailable(EntityExchangeResult<Map> result, int status) {
		assertThat(result.getStatus().value()).as("status of %s", result.getResponseBody()).isEqualTo(status);
		List<?> errors = (List<?>) result.getResponseBody().get("errors");
		assertThat(errors).isNotEmpty().allSatisfy((error) -> {
			assertThat(error).extracting("extensions.classification").isEqualTo("UNAVAILABLE");
			assertThat(error).extracting("extensions.retryable").isEqualTo(true);
			assertThat(error).extracting("message").asString().contains("重试");
		});
	}

	/** The pool may hand out a connection from before the restart once more; a client retries with backoff. */
	@SuppressWarnings("rawtypes")
	private static Map<?, ?> untilTheDatabaseAnswers(WebTestClient client, String document) throws InterruptedException {
		EntityExchangeResult<Map> last = null;
		for (int attempt = 0; attempt < 20; attempt++) {
			last = post(client, document, GRAPHQL_RESPONSE);
			if (last.getStatus().value() == 200 && last.getResponseBody().get("errors") == null) {
				return last.getResponseBody();
			}
			assertUnavailable(last, 503);
			Thread.sleep(300);
		}
		throw new AssertionError("The database never answered again: " + last.getResponseBody());
	}

	private static EmbeddedPostgres start(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
