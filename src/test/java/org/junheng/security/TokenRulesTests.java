package org.junheng.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a token must carry to be trusted: an expiry, exact roles, a school inside its region; and
 * a WebSocket connection that outlives its token answers nothing more.
 */
@EndToEndTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRulesTests {

	@Autowired
	private HttpGraphQlTester nationalAdmin;

	@LocalServerPort
	private int port;

	private AccessFixture w;

	@BeforeAll
	void buildTwoCities() {
		this.w = new AccessFixture(this.nationalAdmin, this.port);
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		String forever = Tokens.signed(Map.of("sub", "forever", "roles", List.of("ADMIN"), "region", "*", "iat",
				Instant.now().minusSeconds(10)));
		post(forever).expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
		post(Tokens.token("bounded", List.of("ADMIN"), "*", null)).expectStatus().isOk();
	}

	@Test
	void rolesAreExactAndUpperCase() {
		for (List<String> roles : List.of(List.of("admin"), List.of("ROLE_ADMIN"), List.of("Admin"))) {
			String token = Tokens.token("sloppy", roles, this.w.city, null);
			RoleMatrixReadTests.refused(http(token).documentName("access/teachers").variable("code", this.w.city).execute(),
					"FORBIDDEN");
		}
		http(Tokens.token("exact", List.of("ADMIN"), this.w.city, null)).documentName("access/teachers")
			.variable("code", this.w.city).execute().errors().verify()
			.path("teachers.edges[*].node.id").entityList(String.class).contains(this.w.teacher);
	}

	@Test
	void aSchoolOutsideTheTokensRegionIsRefused() {
		post(Tokens.token("astray", List.of("SCHOOL_ADMIN"), this.w.otherCounty, this.w.school)).expectStatus().isUnauthorized();
		post(Tokens.token("malformed", List.of("SCHOOL_ADMIN"), this.w.county, "not-a-school")).expectStatus().isUnauthorized();
		post(Tokens.token("home", List.of("SCHOOL_ADMIN"), this.w.county, this.w.school)).expectStatus().isOk();
	}

	@Test
	void aWebSocketStopsAnsweringWhenItsTokenExpires() {
		String brief = Tokens.token("brief", List.of("VIEWER"), this.w.city, null, Duration.ofSeconds(3));
		WebSocketGraphQlTester socket = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(Tokens.connectionInit(brief))
			.build();
		socket.documentName("access/plan").variable("id", this.w.plan).execute().errors().verify()
			.path("plan.id").entity(String.class).isEqualTo(this.w.plan);
		StepVerifier.create(socket.documentName("planProgress").variable("planId", this.w.plan).executeSubscription().toFlux())
			.expectNextCount(1)
			.expectErrorSatisfies((error) -> assertThat(((SubscriptionErrorException) error).getErrors())
				.singleElement().satisfies((e) -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")))
			.verify(Duration.ofSeconds(10));
		RoleMatrixReadTests.refused(socket.documentName("access/plan").variable("id", this.w.plan).execute(), "UNAUTHORIZED");
	}

	private WebTestClient.ResponseSpec post(String token) {
		return org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql").build()
			.post().header("Authorization", Tokens.bearer(token)).header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ indicatorDefinitions { code } }\"}")
			.exchange();
	}

	private HttpGraphQlTester http(String token) {
		return HttpGraphQlTester.create(org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.defaultHeader("Authorization", Tokens.bearer(token)).build());
	}

}
