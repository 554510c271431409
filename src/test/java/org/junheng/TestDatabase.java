package org.junheng;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the tests' PostgreSQL comes from, decided once per test JVM: an explicit server from
 * {@code JUNHENG_TEST_R2DBC_URL} (with {@code _USERNAME} and {@code _PASSWORD}), else a
 * Testcontainers postgres:17 when a Docker engine answers, else an embedded PostgreSQL 17.
 * Every test context shares it; tests write their own rows and never assume an empty table.
 */
final class TestDatabase {

	private static Map<String, Object> properties;

	private TestDatabase() {
	}

	static synchronized Map<String, Object> properties() {
		if (properties == null) {
			properties = start();
		}
		return properties;
	}

	private static Map<String, Object> start() {
		String url = System.getenv("JUNHENG_TEST_R2DBC_URL");
		if (url != null && !url.isBlank()) {
			return connection(url, System.getenv("JUNHENG_TEST_R2DBC_USERNAME"), System.getenv("JUNHENG_TEST_R2DBC_PASSWORD"));
		}
		if (dockerAnswers()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
			container.start();
			return connection("r2dbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/"
					+ container.getDatabaseName(), container.getUsername(), container.getPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away
				}
			}));
			return connection("r2dbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", ex);
		}
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Map<String, Object> connection(String url, String username, String password) {
		return Map.of("spring.r2dbc.url", url, "spring.r2dbc.username", (username != null) ? username : "",
				"spring.r2dbc.password", (password != null) ? password : "", "junheng.demo-data", "true",
				// Test clients leave subscriptions open; waiting for them only delays the JVM's exit.
				"server.shutdown", "immediate",
				// Background reads would be counted by the statement-counting tests; live tests rely on NOTIFY.
				"junheng.live.poll", "1h", "junheng.live.overdue-sweep", "1h",
				"junheng.security.jwt-secret", Tokens.SECRET,
				// Servers started by tests answer on loopback only.
				"server.address", "127.0.0.1", "management.server.address", "127.0.0.1");
	}

}
