package org.junheng.plan;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.ServerInstance;
import org.junheng.TestData;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The database restarts under a live stream: the instance listens again, catches up by cursor
 * and the subscriber, still on the same subscription, gets the next change. Polling is turned
 * off (an hour), so only the re-listen can deliver it.
 */
class DatabaseRestartTests {

	@Test
	void aSubscriptionOutlivesADatabaseRestart() throws Exception {
		Path data = Files.createTempDirectory("junheng-restart");
		int port = freePort();
		EmbeddedPostgres postgres = start(data, port);
		try (ServerInstance server = ServerInstance.start(Map.of("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres",
				"spring.r2dbc.username", "postgres", "spring.r2dbc.password", "", "junheng.demo-data", "false",
				"junheng.live.poll", "1h", "server.shutdown", "immediate"))) {
			HttpGraphQlTester http = server.http();
			String plan = LivePlans.plan(http, TestData.county(http));
			String milestone = LivePlans.milestones(http, plan).get(0);
			String after = LivePlans.cursor(http);
			EmbeddedPostgres[] restarted = new EmbeddedPostgres[1];
			server.webSocket().documentName("milestoneUpdates").variable("planId", plan).variable("after", after)
				.executeSubscription()
				.toFlux("milestoneUpdates.milestone.progress", Integer.class)
				.take(2)
				.as(StepVerifier::create)
				.then(() -> LivePlans.update(http, milestone, Map.of("progress", 10)))
				.expectNext(10)
				.then(() -> {
					try {
						postgres.close();
						restarted[0] = start(data, port);
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.then(() -> updateWhenTheDatabaseAnswers(http, milestone))
				.expectNext(20)
				.expectComplete()
				.verify(Duration.ofSeconds(30));
			restarted[0].close();
		}
	}

	/** The pool may still hand out a connection from before the restart once; a client retries. */
	private static void updateWhenTheDatabaseAnswers(HttpGraphQlTester http, String milestone) {
		AssertionError last = null;
		for (int attempt = 0; attempt < 10; attempt++) {
			try {
				LivePlans.update(http, milestone, Map.of("progress", 20));
				return;
			}
			catch (AssertionError ex) {
				last = ex;
				try {
					Thread.sleep(300);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
		throw last;
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
