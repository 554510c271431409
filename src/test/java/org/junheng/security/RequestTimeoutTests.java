package org.junheng.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

import org.junheng.ServerInstance;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that outruns {@code junheng.graphql.timeout} is stopped and answered with TIMEOUT, and
 * no statement runs longer than {@code junheng.database.statement-timeout}.
 */
class RequestTimeoutTests {

	@Test
	void aRequestThatRunsTooLongIsStoppedWithATimeoutError() {
		try (ServerInstance server = ServerInstance.onTestDatabase(Map.of("junheng.graphql.timeout", "5ms",
				"junheng.database.statement-timeout", "1s"))) {
			// What was already sent to PostgreSQL is bounded too.
			StepVerifier.create(server.bean(DatabaseClient.class).sql("select pg_sleep(5)").fetch().rowsUpdated())
				.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("statement timeout"))
				.verify(Duration.ofSeconds(4));
			server.http()
				.document("{ region(code: \"510000\") { balance(schoolYear: 2026, stage: PRIMARY) { verdict } } }")
				.execute()
				.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("classification", "TIMEOUT").containsEntry("limit", "timeout");
					assertThat(error.getMessage()).contains("5 毫秒");
				}));
		}
	}

}
