package org.junheng.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.junheng.ServerInstance;
import org.junheng.Tokens;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of costly queries that pass every limit (a hundred schools with fifty teachers each and
 * their indicators) cannot take the server from ordinary requests: costly operations run a few at
 * a time and the rest are refused at once with BUSY, those that outrun the timeout stop, and an
 * ordinary query sent in the middle of the flood, and right after it, is answered within a second.
 */
class RequestFloodTests {

	private static final String COSTLY = "{\"query\":\"{ schools(first: 100) { edges { node { teachers(first: 50) { edges { node"
			+ " { id subjects } } } indicators(schoolYear: 2026) { verdict } conditionsHistory { students } } } } }\"}";

	private static final String ORDINARY = "{\"query\":\"{ region(code: \\\"511921\\\") { name } }\"}";

	@Test
	void aFloodOfCostlyQueriesLeavesOrdinaryQueriesAnsweredWithinASecond() {
		try (ServerInstance server = ServerInstance.onTestDatabase(Map.of("junheng.graphql.timeout", "1s",
				"junheng.demo-data", "true", "junheng.graphql.max-concurrent-costly", "4"))) {
			WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/graphql")
				.defaultHeader("Authorization", Tokens.bearer(Tokens.admin()))
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(10_000_000))
				.build();
			// A warm server, as in production: the first requests of a JVM are not what is measured.
			for (int i = 0; i < 8; i++) {
				post(client, COSTLY).then(post(client, ORDINARY)).block(Duration.ofSeconds(30));
			}
			Flux.range(0, 200).flatMap((i) -> post(client, COSTLY), 200).blockLast(Duration.ofSeconds(60));

			Mono<List<String>> flood = Flux.range(0, 200).flatMap((i) -> post(client, COSTLY), 200).collectList();
			Mono<String> ordinary = Mono.delay(Duration.ofMillis(300))
				.then(Mono.defer(() -> post(client, ORDINARY).timeout(Duration.ofSeconds(1))));
			StepVerifier.create(Mono.zip(flood, ordinary))
				.assertNext((answers) -> {
					assertThat(answers.getT2()).contains("通江县");
					assertThat(answers.getT1()).hasSize(200).allSatisfy((answer) -> assertThat(answer)
						.matches("(?s)\\{\"data\":\\{\"schools\".*|.*\"classification\":\"(BUSY|TIMEOUT)\".*"));
					assertThat(answers.getT1()).anySatisfy((answer) -> assertThat(answer).contains("\"classification\":\"BUSY\"")
						.contains("\"retryable\":true"));
				})
				.expectComplete()
				.verify(Duration.ofSeconds(60));
			// Nothing of the flood goes on once it is answered.
			StepVerifier.create(post(client, ORDINARY))
				.assertNext((answer) -> assertThat(answer).contains("通江县"))
				.expectComplete()
				.verify(Duration.ofSeconds(1));
		}
	}

	private static Mono<String> post(WebClient client, String body) {
		return client.post().contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().bodyToMono(String.class);
	}

}
