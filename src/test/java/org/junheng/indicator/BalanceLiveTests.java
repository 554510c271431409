package org.junheng.indicator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.junheng.system.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code regionBalanceChanged} over WebSocket: the balance at once, again after each change to
 * the region's figures (and only its own), a burst as one event, and resumable by cursor.
 * Polling is off in tests (1 h), so what arrives came through the figures events' NOTIFY.
 */
@EndToEndTest
class BalanceLiveTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@Autowired
	private org.junheng.SqlStatements sql;

	@LocalServerPort
	private int port;

	private WebSocketGraphQlTester live;

	@BeforeEach
	void connect() {
		this.live = WebSocketGraphQlTester.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(Tokens.connectionInit(Tokens.admin()))
			.build();
	}

	@Test
	void theBalanceComesAtOnceAndAgainAfterEachChangeOfTheRegionsFigures() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "实时小学");
		String elsewhere = TestData.school(this.graphQl, TestData.county(this.graphQl), "别处小学");
		StepVerifier.create(changes(county, null).take(3))
			.assertNext((change) -> {
				assertThat(change).containsEntry("schoolYear", 2026);
				assertThat(stage(change, 0)).containsEntry("stage", "PRIMARY").containsEntry("schools", 0).containsEntry("verdict", "NO_DATA");
				assertThat(stage(change, 1)).containsEntry("stage", "JUNIOR");
			})
			.then(() -> record(elsewhere, 2026))
			.then(() -> record(school, 2025))
			.then(() -> record(school, 2026))
			.assertNext((change) -> assertThat(stage(change, 0)).containsEntry("schools", 1))
			.then(() -> TestData.teacher(this.graphQl, school, "新教师"))
			.assertNext((change) -> assertThat(stage(change, 0)).containsEntry("schools", 1))
			.verifyComplete();
	}

	@Test
	void aBurstOfWritesIsOneEvent() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "批量小学");
		long id = GlobalId.key(school, "School", "id");
		StepVerifier.create(changes(county, null))
			.expectNextCount(1)
			.then(() -> Flux.range(0, 20)
				.flatMap((i) -> this.db.sql("insert into teacher (school_id, name, gender, birth_year, highest_degree,"
						+ " professional_title, joined_school_on) values (:school, :name, 'MALE', 1980, 'BACHELOR', 'NONE', date '2010-09-01')")
					.bind("school", id).bind("name", "批量" + i).fetch().rowsUpdated(), 10)
				.blockLast())
			.expectNextCount(1)
			// Twenty separate commits, ten at a time, within the coalescing window: nothing more follows.
			.expectNoEvent(Duration.ofSeconds(1))
			.thenCancel()
			.verify(WAIT);
	}

	@Test
	void aSubscriberResumesByCursorWithTheBalanceOnlyIfSomethingChanged() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "续订小学");
		String cursor = (String) changes(county, null).blockFirst(WAIT).get("cursor");
		// Nothing changed since: the resumed subscription stays quiet.
		StepVerifier.create(changes(county, cursor)).expectSubscription().expectNoEvent(Duration.ofSeconds(1)).thenCancel()
			.verify(WAIT);
		record(school, 2026);
		record(TestData.school(this.graphQl, TestData.county(this.graphQl), "无关小学"), 2026);
		Map<String, Object> resumed = changes(county, cursor).blockFirst(WAIT);
		assertThat(Long.parseLong((String) resumed.get("cursor"))).isGreaterThan(Long.parseLong(cursor));
		assertThat(stage(resumed, 0)).containsEntry("schools", 1);
	}

	/** Two displays of one county: each change is computed once for both (statements with "asked_region" are the balance's). */
	@Test
	void displaysOfOneRegionShareEachComputation() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "共享小学");
		List<Map<String, Object>> first = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Map<String, Object>> second = new java.util.concurrent.CopyOnWriteArrayList<>();
		reactor.core.Disposable one = changes(county, null).subscribe(first::add);
		reactor.core.Disposable two = changes(county, null).subscribe(second::add);
		try {
			org.awaitility.Awaitility.await().atMost(WAIT).until(() -> first.size() == 1 && second.size() == 1);
			this.sql.reset();
			record(school, 2026);
			org.awaitility.Awaitility.await().atMost(WAIT).until(() -> first.size() == 2 && second.size() == 2);
			assertThat(stage(first.get(1), 0)).containsEntry("schools", 1);
			assertThat(stage(second.get(1), 0)).containsEntry("schools", 1);
			assertThat(this.sql.statements().stream().filter((statement) -> statement.contains("asked_region"))).hasSize(1);
		}
		finally {
			one.dispose();
			two.dispose();
		}
	}

	@Test
	void badArgumentsAreRefusedWithTheField() {
		this.live.documentName("regionBalanceChanged").variable("code", "999999").variable("year", 2026).executeSubscription()
			.toFlux().as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("没有代码为 999999 的区域")).verify(WAIT);
		this.live.documentName("regionBalanceChanged").variable("code", "511921").variable("year", 0).executeSubscription()
			.toFlux().as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("schoolYear")).verify(WAIT);
		this.live.documentName("regionBalanceChanged").variable("code", "511921").variable("year", 2026).variable("after", "x")
			.executeSubscription().toFlux().as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("after")).verify(WAIT);
	}

	private Flux<Map<String, Object>> changes(String county, String after) {
		WebSocketGraphQlTester.Request<?> request = this.live.documentName("regionBalanceChanged").variable("code", county)
			.variable("year", 2026);
		if (after != null) {
			request.variable("after", after);
		}
		return request.executeSubscription().toFlux().map((response) -> response.path("regionBalanceChanged").entity(Map.class).get())
			.map((change) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> typed = (Map<String, Object>) change;
				return typed;
			});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stage(Map<String, Object> change, int index) {
		return ((List<Map<String, Object>>) change.get("balances")).get(index);
	}

	private void record(String school, int year) {
		Map<String, Object> input = new HashMap<>(Map.of("schoolId", school, "schoolYear", year, "studentsByGrade",
				List.of(40, 40, 40, 40, 40, 40), "classSizes", List.of(40, 40, 40, 40, 40, 40), "teachingArea", 1200.0,
				"sportsArea", 2400, "equipmentValue", 480000, "multimediaClassrooms", 6, "musicRoomAreas", List.of(96),
				"artRoomAreas", List.of(90)));
		this.graphQl.documentName("recordConditions").variable("input", input).execute().errors().verify();
	}

}
