package org.junheng.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.ServerInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** A request that outruns {@code junheng.graphql.timeout} is stopped and answered with TIMEOUT. */
class RequestTimeoutTests {

	@Test
	void aRequestThatRunsTooLongIsStoppedWithATimeoutError() {
		try (ServerInstance server = ServerInstance.onTestDatabase(Map.of("junheng.graphql.timeout", "5ms"))) {
			server.http()
				.document("{ region(code: \"510000\") { balance(schoolYear: 2026, stage: PRIMARY) { verdict } } }")
				.execute()
				.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("classification", "TIMEOUT").containsEntry("limit", "timeout");
					assertThat(error.getMessage()).contains("5 ms");
				}));
		}
	}

}
