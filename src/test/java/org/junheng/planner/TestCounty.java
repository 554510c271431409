package org.junheng.planner;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junheng.TestData;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A county built through the API for a planner test: primary schools of 300 pupils with every
 * condition but teachers at the standard, and teachers of six or more years at their school
 * (eligible for exchange). Teachers hold a secondary vocational degree unless a test says
 * otherwise, so indicator 1 is 0 everywhere and only what a test sets up moves the CVs.
 */
final class TestCounty {

	static final int YEAR = 2026;

	private final HttpGraphQlTester graphQl;

	final String code;

	private int teachers;

	TestCounty(HttpGraphQlTester graphQl) {
		// A proposal searches for up to its time limit; the test's client waits long enough for it.
		this.graphQl = graphQl.mutate().webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(60))).build();
		this.code = TestData.county(this.graphQl);
	}

	HttpGraphQlTester graphQl() {
		return this.graphQl;
	}

	/** A primary school of 300 pupils (six classes of 50) with rooms, areas and equipment at the standard. */
	String school(String name) {
		String id = TestData.school(this.graphQl, this.code, name);
		List<Integer> grades = List.of(50, 50, 50, 50, 50, 50);
		this.graphQl.documentName("recordConditions")
			.variable("input", Map.of("schoolId", id, "schoolYear", YEAR, "studentsByGrade", grades, "classSizes", grades,
					"teachingArea", 1500, "sportsArea", 3000, "equipmentValue", 600000, "multimediaClassrooms", 8,
					"musicRoomAreas", List.of(96), "artRoomAreas", List.of(90)))
			.execute().errors().verify();
		return id;
	}

	String teacher(String school) {
		return teacher(school, Map.of());
	}

	String backbone(String school) {
		return teacher(school, Map.of("backboneLevel", "COUNTY"));
	}

	/** A teacher at the school since 2015; {@code fields} add to or override the input. */
	String teacher(String school, Map<String, Object> fields) {
		Map<String, Object> input = new HashMap<>(Map.of("schoolId", school, "name", "教师" + (++this.teachers), "gender", "FEMALE",
				"birthYear", 1985, "highestDegree", "SECONDARY_VOCATIONAL", "joinedSchoolOn", "2015-09-01"));
		input.putAll(fields);
		return this.graphQl.documentName("createTeacher").variable("input", input).execute().errors().verify()
			.path("createTeacher.id").entity(String.class).get();
	}

	void teachers(String school, int count) {
		for (int i = 0; i < count; i++) {
			teacher(school);
		}
	}

	GraphQlTester.Response propose(int seconds) {
		return propose(Map.of("timeLimitSeconds", seconds));
	}

	GraphQlTester.Response propose(Map<String, Object> options) {
		GraphQlTester.Response response = this.graphQl.documentName("exchangeProposal").variable("code", this.code)
			.variable("year", YEAR).variable("options", options).execute();
		response.errors().verify();
		return response;
	}

}
