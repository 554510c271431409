package org.junheng.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.EventLoop;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.junheng.EndToEndTest;
import org.junheng.SqlStatements;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.junheng.system.PersistedQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live event is executed once for all its subscribers with the same document, variables below
 * the subscribed field and authority, and apart for each other authority: the milestone's plan is
 * loaded once for a dozen subscribers, and a teacher's name reaches only the one allowed to read it.
 */
@EndToEndTest
class SharedExecutionTests {

	private static final String PLAN_LOADER = "select * from plan where id = any($1)";

	private static final String EVENT_READER = "select * from milestone_event where id > $1 order by id limit 500";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private SqlStatements sql;

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("milestoneEvents")
	private EventTable<?> milestoneEvents;

	@Test
	void subscribersOfOneDocumentAndAuthorityHaveEachLiveEventExecutedOnce() {
		String county = TestData.county(this.graphQl);
		String beforePlan = cursor();
		String plan = plan(county);
		String milestone = milestones(plan).get(0);
		String cursor = cursor();
		try (Subscribers subscribers = new Subscribers()) {
			for (int i = 0; i < 12; i++) {
				// Half resume from now, half from before the plan was made (they get its creation
				// first): the subscribed field's arguments choose events, they do not change what an
				// event shows, so all twelve share.
				subscribers.follow(live(null).documentName("milestoneUpdatesNested").variable("planId", plan)
					.variable("after", (i % 2 == 0) ? cursor : beforePlan));
			}
			// The first change may reach a subscriber from the table, replayed for it alone; the
			// second reaches every one of them live.
			update(milestone, 10);
			subscribers.awaitEach(10);
			this.sql.reset();
			update(milestone, 20);
			subscribers.awaitEach(20);
			List<String> statements = this.sql.statements();
			assertThat(statements).as(String.join("\n", statements)).contains(EVENT_READER).filteredOn(PLAN_LOADER::equals).hasSize(1);
			for (List<GraphQlTester.Response> events : subscribers.received) {
				events.get(events.size() - 1).errors().verify()
					.path("milestoneUpdates.milestone.progress").entity(Integer.class).isEqualTo(20)
					.path("milestoneUpdates.milestone.plan.id").entity(String.class).isEqualTo(plan);
			}
		}
	}

	@Test
	void eachAuthorityHasTheEventExecutedForItAndSeesOnlyWhatItMayRead() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "共享小学");
		TestData.teacher(this.graphQl, school, "赵老师");
		String plan = plan(county);
		String target = this.graphQl.document("mutation($input: AddTargetInput!) { addTarget(input: $input) { id } }")
			.variable("input", Map.of("planId", plan, "measure", "生均教学及辅助用房面积", "targetValue", 6, "deadline", "2027-12-31",
					"scope", "SCHOOL", "indicatorCode", "TEACHING_AREA", "schoolId", school, "stage", "PRIMARY", "schoolYear", 2026))
			.execute().errors().verify().path("addTarget.id").entity(String.class).get();
		String milestone = milestones(plan).get(0);
		int version = this.graphQl.document("{ node(id: \"" + milestone + "\") { ... on Milestone { version } } }").execute()
			.path("node.version").entity(Integer.class).get();
		this.graphQl.documentName("updateMilestone")
			.variable("input", Map.of("id", milestone, "version", version, "targetId", target)).execute().errors().verify();
		String document = "subscription($p: ID, $after: String) { milestoneUpdates(planId: $p, after: $after) {"
				+ " milestone { progress target { school { teachers(first: 5) { edges { node { name } } } } } } } }";
		String cursor = cursor();
		// Two subscribers of each: an ADMIN of every region, and a PLANNER of the county, who may
		// follow its plans but not read teachers' names.
		String planner = Tokens.token("planner-shared", List.of("PLANNER"), county, null);
		try (Subscribers subscribers = new Subscribers()) {
			for (String token : List.of(Tokens.admin(), Tokens.admin(), planner, planner)) {
				subscribers.follow(live(token).document(document).variable("p", plan).variable("after", cursor));
			}
			update(milestone, 10);
			subscribers.awaitEach(10);
			update(milestone, 20);
			subscribers.awaitEach(20);
			for (int i = 0; i < 4; i++) {
				GraphQlTester.Response event = subscribers.received.get(i).get(1);
				if (i < 2) {
					event.errors().verify().path("milestoneUpdates.milestone.target.school.teachers.edges[0].node.name")
						.entity(String.class).isEqualTo("赵老师");
				}
				else {
					event.errors().expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("classification"))).verify()
						.path("milestoneUpdates.milestone.target.school.teachers.edges[0].node.name").valueIsNull();
				}
				event.path("milestoneUpdates.milestone.progress").entity(Integer.class).isEqualTo(20);
			}
		}
	}

	@Test
	void subscribersSendingOnlyTheHashesOfTwoDocumentsEachGetTheirOwn() {
		String plan = plan(TestData.county(this.graphQl));
		String milestone = milestones(plan).get(0);
		String progress = "subscription($p: ID, $after: String) { milestoneUpdates(planId: $p, after: $after) { milestone { progress } } }";
		String kind = "subscription($p: ID, $after: String) { milestoneUpdates(planId: $p, after: $after) { kind } }";
		for (String document : List.of(progress, kind)) {
			// Known to the server from then on (a subscription over plain HTTP is refused, after that).
			this.graphQl.document(document).extension("persistedQuery", persisted(document)).execute();
		}
		String cursor = cursor();
		try (Subscribers subscribers = new Subscribers()) {
			for (String document : List.of(progress, kind)) {
				subscribers.follow(live(null).document(PersistedQueries.MARKER).extension("persistedQuery", persisted(document))
					.variable("p", plan).variable("after", cursor));
			}
			update(milestone, 10);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (subscribers.received.stream().anyMatch(List::isEmpty)) {
				assertThat(System.nanoTime()).as("both subscribers are sent the change").isLessThan(deadline);
				Thread.onSpinWait();
			}
			subscribers.received.get(0).get(0).path("milestoneUpdates.milestone.progress").entity(Integer.class).isEqualTo(10)
				.path("milestoneUpdates.kind").pathDoesNotExist();
			subscribers.received.get(1).get(0).path("milestoneUpdates.kind").entity(String.class).isEqualTo("PROGRESS_CHANGED")
				.path("milestoneUpdates.milestone").pathDoesNotExist();
		}
	}

	@Test
	void aSocketsSubscriptionsFollowTheirConnectionsEventLoopAndAreSentEveryEvent() {
		String plan = plan(TestData.county(this.graphQl));
		String milestone = milestones(plan).get(0);
		Map<Executor, Integer> before = this.milestoneEvents.followers();
		try (Subscribers subscribers = new Subscribers()) {
			for (int i = 0; i < 3; i++) {
				subscribers.follow(live(null).documentName("milestoneUpdatesNested").variable("planId", plan));
			}
			// Each joins its stream once its checks are answered: wait for the three.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (joined(before, this.milestoneEvents.followers()) < 3) {
				assertThat(System.nanoTime()).as("three subscribers follow a stream").isLessThan(deadline);
				Thread.onSpinWait();
			}
			Map<Executor, Integer> after = this.milestoneEvents.followers();
			assertThat(after.get(null)).as("on the reader's own stream").isEqualTo(before.get(null));
			after.keySet().stream().filter(Objects::nonNull)
				.forEach((loop) -> assertThat(loop).as("a stream is a server connection's event loop").isInstanceOf(EventLoop.class));
			update(milestone, 10);
			subscribers.awaitEach(10);
			update(milestone, 20);
			subscribers.awaitEach(20);
		}
	}

	private static int joined(Map<Executor, Integer> before, Map<Executor, Integer> now) {
		return now.entrySet().stream().mapToInt((follow) -> follow.getValue() - before.getOrDefault(follow.getKey(), 0)).sum();
	}

	/** Apollo's persisted-query extension: the SHA-256 of the document, in hex. */
	private static Map<String, Object> persisted(String document) {
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return Map.of("version", 1, "sha256Hash", java.util.HexFormat.of().formatHex(hash));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebSocketGraphQlTester live(String token) {
		WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder("ws://127.0.0.1:" + this.port + "/graphql",
				new ReactorNettyWebSocketClient());
		return ((token != null) ? builder.interceptor(Tokens.connectionInit(token)) : builder).build();
	}

	/** Subscriptions followed from the test, each with the events it was sent. */
	private static final class Subscribers implements AutoCloseable {

		private final List<List<GraphQlTester.Response>> received = new ArrayList<>();

		private final List<Disposable> subscriptions = new ArrayList<>();

		void follow(GraphQlTester.Request<?> request) {
			List<GraphQlTester.Response> events = new CopyOnWriteArrayList<>();
			this.received.add(events);
			this.subscriptions.add(request.executeSubscription().toFlux().subscribe(events::add));
		}

		/** Until every subscriber has been sent the milestone at this progress. */
		void awaitEach(int progress) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (this.received.stream().anyMatch((events) -> events.stream().noneMatch((event) -> progress == event.errors()
				.filter((error) -> true).verify().path("milestoneUpdates.milestone.progress").entity(Integer.class).get()))) {
				assertThat(System.nanoTime()).as("every subscriber is sent progress %d", progress).isLessThan(deadline);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}

		@Override
		public void close() {
			this.subscriptions.forEach(Disposable::dispose);
		}

	}

	private String plan(String county) {
		return this.graphQl.documentName("createPlan")
			.variable("input", Map.of("regionCode", county, "title", "共享执行测试", "startYear", 2025, "endYear", 2027,
					"milestones", List.of(Map.of("title", "建设", "dueOn", "2027-03-31"))))
			.execute().errors().verify().path("createPlan.id").entity(String.class).get();
	}

	private List<String> milestones(String plan) {
		return this.graphQl.document("{ plan(id: \"" + plan + "\") { milestones { id } } }").execute()
			.path("plan.milestones[*].id").entityList(String.class).get();
	}

	private String cursor() {
		return this.graphQl.document("{ milestoneEventsCursor }").execute().path("milestoneEventsCursor").entity(String.class).get();
	}

	private void update(String milestone, int progress) {
		int version = this.graphQl.document("{ node(id: \"" + milestone + "\") { ... on Milestone { version } } }").execute()
			.path("node.version").entity(Integer.class).get();
		// Nothing of the plan in the answer: the plan's loads counted are the events'.
		this.graphQl.document("mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { version } }")
			.variable("input", Map.of("id", milestone, "version", version, "progress", progress))
			.execute().errors().verify();
	}

}
