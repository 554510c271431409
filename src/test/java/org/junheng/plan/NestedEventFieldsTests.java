package org.junheng.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
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

	@Test
	void aConnectionsTotalCountInsideAnEventIsANumber() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "事件小学");
		TestData.teacher(this.graphQl, school, "李老师");
		TestData.teacher(this.graphQl, school, "王老师");
		TestData.teacher(this.graphQl, school, "张老师");
		String plan = LivePlans.plan(this.graphQl, county);
		String target = this.graphQl.document("mutation($input: AddTargetInput!) { addTarget(input: $input) { id } }")
			.variable("input", Map.of("planId", plan, "measure", "生均教学及辅助用房面积", "targetValue", 6, "deadline", "2027-12-31",
					"scope", "SCHOOL", "indicatorCode", "TEACHING_AREA", "schoolId", school, "stage", "PRIMARY", "schoolYear", 2026))
			.execute().errors().verify().path("addTarget.id").entity(String.class).get();
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		int version = this.graphQl.document("{ node(id: \"" + milestone + "\") { ... on Milestone { version } } }").execute()
			.path("node.version").entity(Integer.class).get();
		this.graphQl.documentName("updateMilestone")
			.variable("input", Map.of("id", milestone, "version", version, "targetId", target)).execute().errors().verify();
		String after = LivePlans.cursor(this.graphQl);
		LivePlans.update(this.graphQl, milestone, Map.of("progress", 30));
		// The teachers of a school are read by an ADMIN: over WebSocket the token goes in connection_init.
		WebSocketGraphQlTester live = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(Tokens.connectionInit(Tokens.admin()))
			.build();
		GraphQlTester.Response event = live.documentName("milestoneUpdatesSchoolTeachers").variable("planId", plan)
			.variable("after", after)
			.executeSubscription()
			.toFlux()
			.blockFirst(Duration.ofSeconds(10));
		event.errors().verify();
		event.path("milestoneUpdates.milestone.progress").entity(Integer.class).isEqualTo(30)
			.path("milestoneUpdates.milestone.target.school.name").entity(String.class).isEqualTo("事件小学")
			.path("milestoneUpdates.milestone.target.school.teachers.totalCount").entity(Integer.class).isEqualTo(3)
			.path("milestoneUpdates.milestone.target.school.teachers.edges").entityList(Object.class).hasSize(1);
	}

	private void rename(String plan, String title) {
		int version = this.graphQl.document("{ node(id: \"" + plan + "\") { ... on Plan { version } } }").execute()
			.path("node.version").entity(Integer.class).get();
		this.graphQl.document("mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }")
			.variable("input", Map.of("id", plan, "version", version, "title", title)).execute().errors().verify();
	}

}
