package org.junheng.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junheng.TestData;
import org.junheng.Tokens;
import org.junheng.system.GlobalId;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Two cities of one province, each with a county, schools, a teacher, an exchange, a pairing and
 * a plan, written by a national ADMIN; and one signed-in caller per role, scoped to the first
 * city (the school administrator to its first school), plus an ADMIN of the second city.
 */
final class AccessFixture {

	enum Who {

		ANONYMOUS, VIEWER, PLANNER, SCHOOL_ADMIN, OTHER_ADMIN, ADMIN

	}

	final String province = TestData.regionCode();

	final String city = TestData.regionCode();

	final String county = TestData.regionCode();

	final String otherCity = TestData.regionCode();

	final String otherCounty = TestData.regionCode();

	final String school;

	final String neighbour;

	final String otherSchool;

	final String teacher;

	final String otherTeacher;

	final String exchange;

	final String pairing;

	final String plan;

	final String otherPlan;

	final String milestone;

	private final int port;

	AccessFixture(GraphQlTester admin, int port) {
		this.port = port;
		TestData.region(admin, this.province, "矩阵省", "PROVINCE", null);
		TestData.region(admin, this.city, "矩阵市", "CITY", this.province);
		TestData.region(admin, this.county, "矩阵县", "COUNTY", this.city);
		TestData.region(admin, this.otherCity, "邻市", "CITY", this.province);
		TestData.region(admin, this.otherCounty, "邻县", "COUNTY", this.otherCity);
		this.school = TestData.school(admin, this.county, "矩阵一小");
		this.neighbour = TestData.school(admin, this.county, "矩阵二小");
		this.otherSchool = TestData.school(admin, this.otherCounty, "邻县小学");
		this.teacher = TestData.teacher(admin, this.school, "李老师");
		this.otherTeacher = TestData.teacher(admin, this.otherSchool, "王老师");
		this.exchange = write(admin, "createExchange", Map.of("teacherId", this.teacher, "toSchoolId", this.neighbour,
				"schoolYear", 2025, "kind", "ROTATION", "startsOn", "2025-09-01", "endsOn", "2026-06-30"));
		this.pairing = write(admin, "createPairing", Map.of("leadSchoolId", this.school, "supportedSchoolId", this.neighbour,
				"mode", "GROUP", "startsOn", "2025-09-01", "endsOn", "2027-06-30"));
		this.plan = write(admin, "createPlan", Map.of("regionCode", this.county, "title", "矩阵县均衡计划", "startYear", 2025,
				"endYear", 2027, "status", "ACTIVE"));
		this.otherPlan = write(admin, "createPlan", Map.of("regionCode", this.otherCounty, "title", "邻县计划", "startYear", 2025,
				"endYear", 2027, "status", "ACTIVE"));
		this.milestone = write(admin, "addMilestone", Map.of("planId", this.plan, "title", "完成校舍改造", "dueOn", "2026-06-30"));
	}

	static String write(GraphQlTester graphQl, String mutation, Map<String, Object> input) {
		return graphQl.documentName("access/" + mutation).variable("input", input).execute()
			.errors().verify()
			.path(mutation + ".id").entity(String.class).get();
	}

	String token(Who who) {
		return switch (who) {
			case ANONYMOUS -> null;
			case VIEWER -> Tokens.token("viewer", List.of("VIEWER"), this.city, null);
			case PLANNER -> Tokens.token("planner", List.of("PLANNER"), this.city, null);
			case SCHOOL_ADMIN -> Tokens.token("school-admin", List.of("SCHOOL_ADMIN"), this.county, this.school);
			case OTHER_ADMIN -> Tokens.token("other-admin", List.of("ADMIN"), this.otherCity, null);
			case ADMIN -> Tokens.token("admin", List.of("ADMIN"), this.city, null);
		};
	}

	HttpGraphQlTester http(Who who) {
		WebTestClient.Builder client = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(10));
		String token = token(who);
		if (token != null) {
			client.defaultHeader("Authorization", Tokens.bearer(token));
		}
		return HttpGraphQlTester.create(client.build());
	}

	WebSocketGraphQlTester webSocket(Who who) {
		WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder("ws://127.0.0.1:" + this.port + "/graphql",
				new ReactorNettyWebSocketClient());
		String token = token(who);
		if (token != null) {
			builder.interceptor(Tokens.connectionInit(token));
		}
		return builder.build();
	}

	static String regionId(String code) {
		return GlobalId.of("Region", code);
	}

	static Map<String, Object> with(Map<String, Object> input, Object... more) {
		Map<String, Object> all = new HashMap<>(input);
		for (int i = 0; i < more.length; i += 2) {
			all.put((String) more[i], more[i + 1]);
		}
		return all;
	}

}
