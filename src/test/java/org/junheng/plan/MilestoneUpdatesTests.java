package org.junheng.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/** milestoneUpdates over graphql-transport-ws: kinds, filters, and replay from a cursor. */
@EndToEndTest
class MilestoneUpdatesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@LocalServerPort
	private int port;

	private WebSocketGraphQlTester live;

	@BeforeEach
	void connect() {
		this.live = WebSocketGraphQlTester.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.build();
	}

	@Test
	void everyKindOfChangeReachesTheSubscriberOfThePlan() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		StepVerifier.create(events(Map.of("planId", plan, "after", LivePlans.cursor(this.graphQl))).take(6))
			.then(() -> {
				LivePlans.update(this.graphQl, milestone, Map.of("status", "IN_PROGRESS"));
				LivePlans.update(this.graphQl, milestone, Map.of("progress", 30));
				LivePlans.update(this.graphQl, milestone, Map.of("title", "建设功能教室"));
				LivePlans.update(this.graphQl, milestone, Map.of("status", "ACHIEVED"));
				LivePlans.update(this.graphQl, milestone, Map.of("status", "CANCELLED"));
				this.graphQl.document("mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }")
					.variable("input", Map.of("planId", plan, "title", "补充节点", "dueOn", "2027-12-31")).execute().errors().verify();
			})
			.assertNext((event) -> assertThat(event).containsEntry("kind", "STATUS_CHANGED").containsEntry("previousStatus", "PLANNED"))
			.assertNext((event) -> assertThat(event).containsEntry("kind", "PROGRESS_CHANGED").containsEntry("previousStatus", "IN_PROGRESS"))
			.assertNext((event) -> {
				assertThat(event).containsEntry("kind", "UPDATED");
				assertThat(milestone(event)).containsEntry("title", "建设功能教室").containsEntry("progress", 30);
			})
			.assertNext((event) -> {
				assertThat(event).containsEntry("kind", "ACHIEVED").containsEntry("previousStatus", "IN_PROGRESS");
				assertThat(milestone(event)).containsEntry("progress", 100).containsEntry("id", milestone);
			})
			.assertNext((event) -> assertThat(event).containsEntry("kind", "CANCELLED").containsEntry("previousStatus", "ACHIEVED"))
			.assertNext((event) -> {
				assertThat(event).containsEntry("kind", "CREATED").containsEntry("previousStatus", null);
				assertThat(milestone(event)).containsEntry("title", "补充节点");
			})
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void aRegionSubscriberSeesThePlansOfItsSubtreeAndNoOthers() {
		String province = TestData.regionCode();
		String city = TestData.regionCode();
		String county = TestData.regionCode();
		String elsewhere = TestData.regionCode();
		TestData.region(this.graphQl, province, "测试省", "PROVINCE", null);
		TestData.region(this.graphQl, city, "测试市", "CITY", province);
		TestData.region(this.graphQl, county, "测试县", "COUNTY", city);
		TestData.region(this.graphQl, elsewhere, "邻市", "CITY", province);
		String countyPlan = LivePlans.plan(this.graphQl, county);
		String otherPlan = LivePlans.plan(this.graphQl, elsewhere);
		String cityPlan = LivePlans.plan(this.graphQl, city);
		StepVerifier.create(events(Map.of("regionCode", city, "after", LivePlans.cursor(this.graphQl))).take(2))
			.then(() -> {
				LivePlans.update(this.graphQl, LivePlans.milestones(this.graphQl, otherPlan).get(0), Map.of("progress", 10));
				LivePlans.update(this.graphQl, LivePlans.milestones(this.graphQl, countyPlan).get(0), Map.of("progress", 20));
				LivePlans.update(this.graphQl, LivePlans.milestones(this.graphQl, otherPlan).get(1), Map.of("progress", 30));
				LivePlans.update(this.graphQl, LivePlans.milestones(this.graphQl, cityPlan).get(0), Map.of("progress", 40));
			})
			.assertNext((event) -> assertThat(milestone(event)).containsEntry("progress", 20))
			.assertNext((event) -> assertThat(milestone(event)).containsEntry("progress", 40))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void aClientComingBackWithItsCursorGetsExactlyWhatItMissedThenLiveEvents() {
		String plan = LivePlans.plan(this.graphQl);
		List<String> milestones = LivePlans.milestones(this.graphQl, plan);
		List<Map<String, Object>> before = new ArrayList<>();
		StepVerifier.create(events(Map.of("planId", plan, "after", LivePlans.cursor(this.graphQl))).take(1))
			.then(() -> LivePlans.update(this.graphQl, milestones.get(0), Map.of("progress", 10)))
			.consumeNextWith(before::add)
			.expectComplete()
			.verify(WAIT);
		String cursor = (String) before.get(0).get("cursor");
		// Offline: three changes it does not see.
		LivePlans.update(this.graphQl, milestones.get(0), Map.of("progress", 20));
		LivePlans.update(this.graphQl, milestones.get(1), Map.of("progress", 30));
		LivePlans.update(this.graphQl, milestones.get(0), Map.of("progress", 40));
		StepVerifier.create(events(Map.of("planId", plan, "after", cursor)).take(4))
			.assertNext((event) -> assertThat(milestone(event)).containsEntry("progress", 20))
			.assertNext((event) -> assertThat(milestone(event)).containsEntry("progress", 30))
			.assertNext((event) -> assertThat(milestone(event)).containsEntry("progress", 40))
			.then(() -> LivePlans.update(this.graphQl, milestones.get(1), Map.of("progress", 50)))
			.assertNext((event) -> assertThat(milestone(event)).containsEntry("progress", 50))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void joiningWhileChangesPourInLeavesNoGapAndNoDuplicateAtTheSeam() {
		String plan = LivePlans.plan(this.graphQl);
		long planKey = LivePlans.key(plan);
		long start = Long.parseLong(LivePlans.cursor(this.graphQl));
		// A writer changes progress 40 times on another thread; the subscriber joins after 15 of them.
		progress(planKey, 1, 15).blockLast();
		progress(planKey, 16, 25).then(this.db.sql("update milestone set title = '最后' where plan_id = :plan")
			.bind("plan", planKey).fetch().rowsUpdated())
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe();
		List<String> received = events(Map.of("planId", plan, "after", Long.toString(start)))
			.map((event) -> (String) event.get("cursor"))
			.take(42)
			.collectList()
			.block(Duration.ofSeconds(20));
		List<String> logged = this.db.sql("select id from milestone_event where plan_id = :plan and id > :start order by id")
			.bind("plan", planKey).bind("start", start)
			.map((row) -> row.get(0, Long.class).toString()).all().collectList().block();
		assertThat(received).hasSize(42).doesNotHaveDuplicates().containsExactlyElementsOf(logged);
	}

	private Flux<Long> progress(long plan, int from, int count) {
		return Flux.range(from, count)
			.concatMap((i) -> this.db.sql("update milestone set progress = :p where id = (select min(id) from milestone where plan_id = :plan)")
				.bind("p", i).bind("plan", plan).fetch().rowsUpdated());
	}

	@Test
	void badArgumentsAreRefusedWithTheField() {
		this.live.documentName("milestoneUpdates").variable("planId", "not-an-id").executeSubscription().toFlux()
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("planId"))
			.verify(WAIT);
		this.live.documentName("milestoneUpdates").variable("regionCode", "999999").executeSubscription().toFlux()
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("没有代码为 999999 的区域"))
			.verify(WAIT);
		this.live.documentName("milestoneUpdates").variable("after", "yesterday").executeSubscription().toFlux()
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("after"))
			.verify(WAIT);
	}

	@Test
	@SuppressWarnings("unchecked")
	void planProgressMovesWhenAMilestoneIsAchieved() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		this.live.documentName("planProgress").variable("planId", plan).executeSubscription()
			.toFlux("planProgress", Map.class)
			.take(2)
			.as(StepVerifier::create)
			.assertNext((summary) -> assertThat(summary).containsEntry("milestones", 2).containsEntry("weightedProgress", 0.0))
			.then(() -> LivePlans.update(this.graphQl, milestone, Map.of("status", "ACHIEVED")))
			.assertNext((summary) -> {
				assertThat(summary).containsEntry("weightedProgress", 50.0);
				assertThat((List<Object>) summary.get("milestonesByStatus")).contains(Map.of("status", "ACHIEVED", "count", 1),
						Map.of("status", "PLANNED", "count", 1));
			})
			.expectComplete()
			.verify(WAIT);
	}

	@SuppressWarnings("unchecked")
	private Flux<Map<String, Object>> events(Map<String, Object> variables) {
		WebSocketGraphQlTester.Request<?> request = this.live.documentName("milestoneUpdates");
		variables.forEach(request::variable);
		return request.executeSubscription().toFlux("milestoneUpdates", Map.class).map((event) -> (Map<String, Object>) event);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> milestone(Map<String, Object> event) {
		return (Map<String, Object>) event.get("milestone");
	}

}
