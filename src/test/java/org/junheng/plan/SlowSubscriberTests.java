package org.junheng.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading is cut loose once its buffer is full, while everyone else keeps
 * getting events on time; when it reads again it learns where to resume and misses nothing.
 */
@EndToEndTest
@TestPropertySource(properties = "junheng.live.subscriber-buffer=16")
class SlowSubscriberTests {

	private static final int FLOOD = 2500;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@LocalServerPort
	private int port;

	@Test
	void aStuckClientIsEndedWithItsCursorAndHoldsNobodyBack() throws Exception {
		String stuckPlan = LivePlans.plan(this.graphQl);
		String otherPlan = LivePlans.plan(this.graphQl);
		String otherMilestone = LivePlans.milestones(this.graphQl, otherPlan).get(0);
		try (RawWebSocket stuck = RawWebSocket.connect(this.port, 4096)) {
			stuck.send("{\"type\":\"connection_init\"}");
			assertThat(stuck.receive()).contains("connection_ack");
			stuck.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription($p: ID, $a: String) {"
					+ " milestoneUpdates(planId: $p, after: $a) { cursor milestone { description plan { title } } } }\","
					+ "\"variables\":{\"p\":\"" + stuckPlan + "\",\"a\":\"" + LivePlans.cursor(this.graphQl) + "\"}}}");
			// One event read first: the subscription is live. Had the flood come before that, it
			// would have been replayed from the table at the client's pace, and nobody falls behind a replay.
			LivePlans.update(this.graphQl, LivePlans.milestones(this.graphQl, stuckPlan).get(0), Map.of("progress", 10));
			String start = firstCursor(stuck);
			// The stuck client reads nothing from here on, while a flood of big events is written for its plan.
			this.db.sql("insert into milestone (plan_id, title, description, due_on, status)"
					+ " select :plan, '节点' || n, repeat('很长的说明', 400), date '2027-06-30', 'PLANNED' from generate_series(1, :n) n")
				.bind("plan", LivePlans.key(stuckPlan)).bind("n", FLOOD)
				.fetch().rowsUpdated().block();
			WebSocketGraphQlTester other = webSocket();
			String now = LivePlans.cursor(this.graphQl);
			other.documentName("milestoneUpdates").variable("planId", otherPlan).variable("after", now).executeSubscription()
				.toFlux("milestoneUpdates.milestone.progress", Integer.class)
				.take(1)
				.as(StepVerifier::create)
				.then(() -> LivePlans.update(this.graphQl, otherMilestone, Map.of("progress", 60)))
				.expectNext(60)
				.expectComplete()
				.verify(Duration.ofSeconds(5));

			// Reading again: what was already on its way, then the end of the subscription with a cursor.
			List<String> cursors = new ArrayList<>();
			JsonNode end = null;
			while (end == null) {
				JsonNode message = this.json.readTree(stuck.receive());
				switch (message.get("type").asString()) {
					case "next" -> cursors.add(message.at("/payload/data/milestoneUpdates/cursor").asString());
					case "error" -> end = message;
					case "ping" -> stuck.send("{\"type\":\"pong\"}");
					default -> throw new AssertionError("Unexpected message " + message);
				}
			}
			assertThat(cursors).isNotEmpty().hasSizeLessThan(FLOOD);
			JsonNode error = end.get("payload").get(0);
			assertThat(error.at("/extensions/classification").asString()).isEqualTo("FELL_BEHIND");
			// The error names the last event this client was sent, not one still on its way when it fell behind
			// (the plan's title is batch-loaded, so several events are being executed at any moment).
			String resumeFrom = error.at("/extensions/cursor").asString();
			assertThat(resumeFrom).isEqualTo(cursors.get(cursors.size() - 1));

			// Resuming from the error's cursor, as a client does, gives exactly the rest. A resumed
			// client can fall behind again (the flood may still be handed out live while its replay
			// runs); it then resumes again from that error's cursor, as a client does, and every
			// resumption moves on.
			List<String> all = new ArrayList<>(cursors);
			String from = resumeFrom;
			for (int resumptions = 0; all.size() < FLOOD; resumptions++) {
				assertThat(resumptions).isLessThan(10);
				List<String> got = new ArrayList<>();
				WebSocketGraphQlTester resumed = webSocket();
				try {
					resumed.documentName("milestoneUpdates").variable("planId", stuckPlan)
						.variable("after", from).executeSubscription()
						.toFlux("milestoneUpdates.cursor", String.class)
						.take(FLOOD - all.size())
						.doOnNext(got::add)
						.then()
						.block(Duration.ofSeconds(30));
				}
				catch (SubscriptionErrorException again) {
					ResponseError fellBehind = again.getErrors().get(0);
					assertThat(fellBehind.getExtensions()).containsEntry("classification", "FELL_BEHIND");
					String last = got.isEmpty() ? from : got.get(got.size() - 1);
					from = (String) fellBehind.getExtensions().get("cursor");
					assertThat(from).isEqualTo(last);
				}
				all.addAll(got);
			}
			List<String> logged = this.db.sql("select e.id::text from milestone_event e where e.plan_id = :plan and e.id > :start::bigint order by e.id")
				.bind("plan", LivePlans.key(stuckPlan)).bind("start", start)
				.map((row) -> row.get(0, String.class)).all().collectList().block();
			assertThat(all).hasSize(FLOOD).containsExactlyElementsOf(logged);
		}
	}

	private WebSocketGraphQlTester webSocket() {
		return WebSocketGraphQlTester.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient()).build();
	}

	private String firstCursor(RawWebSocket client) throws Exception {
		while (true) {
			JsonNode message = this.json.readTree(client.receive());
			switch (message.get("type").asString()) {
				case "next" -> {
					return message.at("/payload/data/milestoneUpdates/cursor").asString();
				}
				case "ping" -> client.send("{\"type\":\"pong\"}");
				default -> throw new AssertionError("Unexpected message " + message);
			}
		}
	}

}
