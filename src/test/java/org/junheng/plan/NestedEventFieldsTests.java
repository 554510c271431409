package org.junheng.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch-loaded fields inside subscription events (the milestone's plan and target) come with
 * each event's own snapshot: one subscription runs many executions, and nothing loaded for an
 * earlier event may stand in for a later one.
 */
@EndToEndTest
class NestedEventFieldsTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@Test
	void eachReplayedEventCarriesItsOwnSnapshotWithNestedFields() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		String after = LivePlans.cursor(this.graphQl);
		for (int progress : List.of(10, 20, 30, 40)) {
			LivePlans.update(this.graphQl, milestone, Map.of("progress", progress));
		}
		WebSocketGraphQlTester live = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient()).build();
		List<Integer> progress = live.documentName("milestoneUpdatesNested").variable("planId", plan).variable("after", after)
			.executeSubscription()
			.toFlux()
			.take(4)
			.map((event) -> {
				assertThat(event.path("milestoneUpdates.milestone.plan.id").entity(String.class).get()).isEqualTo(plan);
				return event.path("milestoneUpdates.milestone.progress").entity(Integer.class).get();
			})
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(progress).containsExactly(10, 20, 30, 40);
	}

	@Test
	void aLongSubscriptionSeesTheMilestonesPlanAsItIsNowNotAsItWasAtTheFirstEvent() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		String original = this.graphQl.document("{ node(id: \"" + plan + "\") { ... on Plan { title } } }").execute()
			.path("node.title").entity(String.class).get();
		WebSocketGraphQlTester live = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient()).build();
		StepVerifier.create(live.documentName("milestoneUpdatesNested").variable("planId", plan)
				.variable("after", LivePlans.cursor(this.graphQl))
				.executeSubscription()
				.toFlux("milestoneUpdates.milestone.plan.title", String.class)
				.take(2))
			.then(() -> LivePlans.update(this.graphQl, milestone, Map.of("progress", 10)))
			.expectNext(original)
			.then(() -> {
				rename(plan, "改名后的计划");
				LivePlans.update(this.graphQl, milestone, Map.of("progress", 20));
			})
			.expectNext("改名后的计划")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private void rename(String plan, String title) {
		int version = this.graphQl.document("{ node(id: \"" + plan + "\") { ... on Plan { version } } }").execute()
			.path("node.version").entity(Integer.class).get();
		this.graphQl.document("mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }")
			.variable("input", Map.of("id", plan, "version", version, "title", title)).execute().errors().verify();
	}

}
