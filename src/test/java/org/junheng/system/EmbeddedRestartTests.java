package org.junheng.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junheng.ServerInstance;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a bureau runs it on one server: after a crash (here, a postmaster left
 * running on the data directory by a run that never stopped it, which is what {@code kill -9} or
 * a power cut leaves) the next start stops it and comes up; the database writes durably; the
 * demo tokens of one run still work after a restart, and are handed only to this machine.
 */
class EmbeddedRestartTests {

	@Test
	void aStartAfterACrashStopsTheLeftOverPostmasterAndKeepsTheDemoKey(@TempDir Path directory) throws Exception {
		Path data = directory.resolve("postgres");
		// A JVM of its own starts the embedded PostgreSQL and is killed with SIGKILL, as kill -9 does.
		Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Crashing.class.getName(), data.toString())
			.redirectErrorStream(true).redirectOutput(directory.resolve("crashed.log").toFile()).start();
		Path pidFile = data.resolve("postmaster.pid");
		for (int i = 0; i < 600 && !(Files.exists(directory.resolve("started"))); i++) {
			sleep(100);
		}
		crashed.destroyForcibly().waitFor();
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the postmaster outlives its JVM").hasValue(true);
		Map<String, Object> local = Map.of("junheng.embedded.data-dir", data.toString(), "junheng.demo-data", "false",
				"junheng.security.jwt-secret", "");
		String token;
		try (ServerInstance first = ServerInstance.start(local)) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the left-over postmaster").isNotEqualTo(
					java.util.Optional.of(true));
			DatabaseClient db = first.bean(DatabaseClient.class);
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				assertThat(db.sql("show " + setting).map((row) -> row.get(0, String.class)).one().block(Duration.ofSeconds(5)))
					.as(setting).isEqualTo("on");
			}
			JsonNode tokens = JsonMapper.builder().build().readTree(client(first).get().uri("/auth/demo-tokens").exchange()
				.expectStatus().isOk().expectBody().returnResult().getResponseBody());
			token = tokens.get(0).path("token").asString();
		}
		assertThat(directory.resolve("demo-jwt.key")).exists();
		try (ServerInstance second = ServerInstance.start(local)) {
			client(second).post().uri("/graphql").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"query\":\"{ indicatorDefinitions { code } }\"}").exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist();
		}
	}

	private static WebTestClient client(ServerInstance server) {
		return org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + server.port()).responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The run that crashes: starts the embedded PostgreSQL on the directory, says so, and waits to be killed. */
	static final class Crashing {

		public static void main(String[] arguments) throws Exception {
			Path data = Path.of(arguments[0]);
			EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
			Files.writeString(data.resolveSibling("started"), "");
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
