package org.junheng.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.ServerInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one database (this test's server and a second one): every event
 * reaches subscribers of both, over WebSocket and over SSE, and overdue happens once.
 */
@EndToEndTest
class LiveAcrossInstancesTests {

	private static ServerInstance other;

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@Autowired
	private OverdueSweep sweep;

	@BeforeAll
	static void startAnotherInstance() {
		other = ServerInstance.onTestDatabase(Map.of("junheng.live.poll", "1h", "junheng.live.overdue-sweep", "1h"));
	}

	@AfterAll
	static void stopIt() {
		other.close();
	}

	@Test
	void aChangeMadeThroughOneInstanceReachesSubscribersOfTheOther() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		other.webSocket().documentName("milestoneUpdates").variable("planId", plan).variable("after", LivePlans.cursor(this.graphQl))
			.executeSubscription().toFlux("milestoneUpdates.milestone.progress", Integer.class)
			.take(2)
			.as(StepVerifier::create)
			.then(() -> LivePlans.update(this.graphQl, milestone, Map.of("progress", 25)))
			.expectNext(25)
			.then(() -> LivePlans.update(other.http(), milestone, Map.of("progress", 35)))
			.expectNext(35)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void serverSentEventsCarryTheSameEvents() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		String query = "subscription($plan: ID, $after: String) { milestoneUpdates(planId: $plan, after: $after) { cursor kind milestone { progress } } }";
		Flux<ServerSentEvent<String>> stream = WebClient.create("http://127.0.0.1:" + other.port())
			.post().uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("query", query, "variables", Map.of("plan", plan, "after", LivePlans.cursor(this.graphQl))))
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
			.filter((event) -> "next".equals(event.event()));
		StepVerifier.create(stream.take(1))
			.then(() -> LivePlans.update(this.graphQl, milestone, Map.of("progress", 45)))
			.assertNext((event) -> assertThat(event.data()).contains("\"kind\":\"PROGRESS_CHANGED\"").contains("\"progress\":45"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aMilestonePastItsDueDateBecomesOverdueOnceWhateverTheNumberOfInstances() {
		String plan = LivePlans.plan(this.graphQl);
		long planKey = LivePlans.key(plan);
		LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
		long milestone = this.db.sql("insert into milestone (plan_id, title, due_on, status) values (:plan, '逾期节点', :due, 'IN_PROGRESS') returning id")
			.bind("plan", planKey).bind("due", yesterday)
			.map((row) -> row.get(0, Long.class)).one().block();
		Flux.merge(this.sweep.sweep(), other.bean(OverdueSweep.class).sweep(), this.sweep.sweep()).blockLast();
		assertThat(this.db.sql("select status from milestone where id = :id").bind("id", milestone)
			.map((row) -> row.get(0, String.class)).one().block()).isEqualTo("OVERDUE");
		assertThat(this.db.sql("select kind, previous_status from milestone_event where milestone_id = :id and kind = 'OVERDUE'")
			.bind("id", milestone).map((row) -> row.get(1, String.class)).all().collectList().block())
			.containsExactly("IN_PROGRESS");
	}

}
