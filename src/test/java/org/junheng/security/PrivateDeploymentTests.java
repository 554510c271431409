package org.junheng.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.junheng.ServerInstance;
import org.junheng.Tokens;
import org.junheng.security.AccessFixture.Who;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A deployment that publishes nothing ({@code junheng.security.public-read=false}) and hides its
 * schema (introspection off): region-level data, subscriptions included, follow the caller's
 * scope too, and bad tokens are refused on every transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateDeploymentTests {

	private ServerInstance server;

	private AccessFixture world;

	@BeforeAll
	void start() {
		this.server = ServerInstance.onTestDatabase(Map.of("junheng.security.public-read", "false",
				"spring.graphql.schema.introspection.enabled", "false"));
		this.world = new AccessFixture(this.server.http(), this.server.port());
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void anonymousCallersReadNothingAndSignedInCallersOnlyTheirRegion() {
		AccessFixture w = this.world;
		RoleMatrixReadTests.refused(w.http(Who.ANONYMOUS).documentName("access/plans").variable("code", w.province).execute(),
				"UNAUTHORIZED");
		RoleMatrixReadTests.refused(w.http(Who.ANONYMOUS).documentName("access/regions").variable("code", w.province).execute(),
				"UNAUTHORIZED");
		for (Who who : List.of(Who.VIEWER, Who.PLANNER, Who.SCHOOL_ADMIN, Who.ADMIN)) {
			assertThat(w.http(who).documentName("access/plans").variable("code", w.province).execute().errors().verify()
				.path("plans.edges[*].node.id").entityList(String.class).get()).as(who.name()).contains(w.plan)
				.doesNotContain(w.otherPlan);
			w.http(who).documentName("access/plan").variable("id", w.otherPlan).execute().errors().verify().path("plan").valueIsNull();
			w.http(who).documentName("access/node").variable("id", w.otherPlan).execute().errors().verify().path("node").valueIsNull();
		}
		assertThat(w.http(Who.OTHER_ADMIN).documentName("access/plans").variable("code", w.province).execute().errors().verify()
			.path("plans.edges[*].node.id").entityList(String.class).get()).contains(w.otherPlan).doesNotContain(w.plan);
	}

	@Test
	void aSubscriberOnlyHearsOfMilestonesInsideItsRegion() {
		AccessFixture w = this.world;
		String otherMilestone = AccessFixture.write(this.server.http(), "addMilestone",
				Map.of("planId", w.otherPlan, "title", "邻县节点", "dueOn", "2026-06-30"));
		Flux<GraphQlTester.Response> everything = w.webSocket(Who.VIEWER).documentName("milestoneUpdates")
			.executeSubscription().toFlux();
		StepVerifier.create(everything.map((event) -> event.path("milestoneUpdates.milestone.id").entity(String.class).get()).take(1))
			.then(() -> {
				progress(otherMilestone, 40);
				progress(w.milestone, 60);
			})
			.expectNext(w.milestone)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(w.webSocket(Who.VIEWER).documentName("milestoneUpdates").variable("regionCode", w.otherCity)
				.executeSubscription().toFlux())
			.expectErrorSatisfies((error) -> assertThat(error.getMessage()).contains("FORBIDDEN"))
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(w.webSocket(Who.ANONYMOUS).documentName("milestoneUpdates").executeSubscription().toFlux())
			.expectErrorSatisfies((error) -> assertThat(error.getMessage()).contains("UNAUTHORIZED"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void serverSentEventsCarryTheCallersTokenAndScope() {
		AccessFixture w = this.world;
		String query = "subscription { milestoneUpdates { milestone { id } } }";
		Flux<ServerSentEvent<String>> viewer = sse(w.token(Who.VIEWER), query).filter((event) -> "next".equals(event.event()));
		String otherMilestone = AccessFixture.write(this.server.http(), "addMilestone",
				Map.of("planId", w.otherPlan, "title", "邻县节点二", "dueOn", "2026-06-30"));
		StepVerifier.create(viewer.take(1))
			.then(() -> {
				progress(otherMilestone, 30);
				progress(w.milestone, 35);
			})
			.assertNext((event) -> assertThat(event.data()).contains(w.milestone).doesNotContain(otherMilestone))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(sse(null, query).filter((event) -> !"complete".equals(event.event())).take(1))
			.assertNext((event) -> assertThat(event.data()).contains("UNAUTHORIZED"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private Flux<ServerSentEvent<String>> sse(String token, String query) {
		WebClient.RequestBodySpec request = WebClient.create("http://127.0.0.1:" + this.server.port()).post().uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM);
		if (token != null) {
			request = request.header("Authorization", Tokens.bearer(token));
		}
		return request.bodyValue(Map.of("query", query)).retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			});
	}

	@Test
	void badTokensAreRefusedOnEveryTransport() {
		String expired = Tokens.token("late", List.of("ADMIN"), "*", null, Duration.ofMinutes(-10));
		String forged = Tokens.admin().substring(0, Tokens.admin().lastIndexOf('.')) + ".c2lnbmF0dXJl";
		for (String token : List.of(expired, forged, "not-a-token")) {
			org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.server.port() + "/graphql").build()
				.post().header("Authorization", Tokens.bearer(token)).header("Content-Type", "application/json")
				.bodyValue("{\"query\":\"{ indicatorDefinitions { code } }\"}")
				.exchange()
				.expectStatus().isUnauthorized()
				.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
			WebSocketGraphQlTester socket = WebSocketGraphQlTester
				.builder("ws://127.0.0.1:" + this.server.port() + "/graphql", new ReactorNettyWebSocketClient())
				.interceptor(Tokens.connectionInit(token))
				.build();
			assertThatThrownBy(() -> socket.documentName("access/indicatorDefinitions").execute()).as(token).isNotNull();
		}
	}

	@Test
	void introspectionIsRefusedWhenTurnedOff() {
		HttpGraphQlTester admin = this.server.http();
		admin.document("{ __schema { queryType { name } } }").execute()
			.errors().satisfy((errors) -> assertThat(errors).isNotEmpty());
		admin.document("{ indicatorDefinitions { code } }").execute().errors().verify();
	}

	private void progress(String milestone, int percent) {
		HttpGraphQlTester admin = this.server.http();
		int version = admin.documentName("access/version").variable("id", milestone).execute().path("node.version")
			.entity(Integer.class).get();
		admin.documentName("access/updateMilestone")
			.variable("input", Map.of("id", milestone, "version", version, "progress", percent)).execute().errors().verify();
	}

}
