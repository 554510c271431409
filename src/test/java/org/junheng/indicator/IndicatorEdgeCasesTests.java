package org.junheng.indicator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junheng.GraphQlAssertions.refused;

/**
 * The standard at its edges, through the graph and the database: a value computed exactly at its
 * threshold, school years PostgreSQL cannot make a date of, teaching points under 50 students and
 * a region CV over schools of which some lack the figure.
 */
@EndToEndTest
class IndicatorEdgeCasesTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	/**
	 * A nine-year school of 300 students, 151 of them in the primary grades, with 3 backbone
	 * teachers: the primary stage has 3 · 151/300 = 1.51 of them, exactly 1.0 per 100 pupils (in
	 * binary floating point 0.9999999999999998), which meets the threshold of 1.0.
	 */
	@Test
	void aValueExactlyAtItsThresholdMeetsIt() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "九年一贯制学校", "NINE_YEAR");
		List<Integer> grades = List.of(26, 25, 25, 25, 25, 25, 50, 50, 49);
		record(school, grades, 1500.0);
		for (int i = 0; i < 3; i++) {
			teacher(school, "骨干" + i, "COUNTY");
		}
		GraphQlTester.Response response = this.graphQl.documentName("schoolBalance").variable("id", school).variable("year", 2026)
			.execute();
		response.errors().verify();
		response.path("school.balanceVerdict.stages[?(@.stage == 'PRIMARY')].students").entityList(Integer.class).containsExactly(151)
			.path("school.balanceVerdict.stages[?(@.stage == 'PRIMARY')].indicators[?(@.code == 'BACKBONE_TEACHERS')].value")
			.entityList(Double.class)
			.satisfies((values) -> assertThat(values).singleElement().satisfies((v) -> assertThat(v).isCloseTo(1.0, within(1e-12))))
			.path("school.balanceVerdict.stages[?(@.stage == 'PRIMARY')].indicators[?(@.code == 'BACKBONE_TEACHERS')].status")
			.entityList(String.class).containsExactly("MET")
			.path("school.balanceVerdict.stages[?(@.stage == 'PRIMARY')].indicators[?(@.code == 'BACKBONE_TEACHERS')].met")
			.entityList(Boolean.class).containsExactly(true)
			.path("school.balanceVerdict.stages[?(@.stage == 'PRIMARY')].reasons[*]").entityList(String.class)
			.satisfies((reasons) -> assertThat(reasons).noneMatch((reason) -> reason.contains("骨干教师")));
	}

	@Test
	void aSchoolYearPostgresCannotDateIsABadRequestNamingTheArgument() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "年份小学");
		HttpGraphQlTester anonymous = HttpGraphQlTester.create(org.junheng.OwnConnection.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port + "/graphql").responseTimeout(Duration.ofSeconds(10)).build());
		for (int year : List.of(0, 1948, 2201, 5874898, Integer.MAX_VALUE)) {
			for (GraphQlTester tester : List.of(this.graphQl, anonymous)) {
				tester.document("query($code: String!, $year: Int!) { region(code: $code) { balance(schoolYear: $year, stage: PRIMARY) { verdict } } }")
					.variable("code", county).variable("year", year).execute()
					.errors().satisfy(refused("BAD_REQUEST", "schoolYear").andThen((errors) -> assertThat(errors.get(0).getMessage())
						.isEqualTo("schoolYear：必须在 1949 到 2200 之间")));
			}
			this.graphQl.document("query($id: ID!, $year: Int!) { school(id: $id) { indicators(schoolYear: $year) { verdict } } }")
				.variable("id", school).variable("year", year).execute()
				.errors().satisfy(refused("BAD_REQUEST", "schoolYear"));
			this.graphQl.document("query($id: ID!, $year: Int!) { school(id: $id) { balanceVerdict(schoolYear: $year) { verdict } } }")
				.variable("id", school).variable("year", year).execute()
				.errors().satisfy(refused("BAD_REQUEST", "schoolYear"));
		}
		// The first and last years are answered.
		for (int year : List.of(1949, 2200)) {
			this.graphQl.document("query($code: String!, $year: Int!) { region(code: $code) { balance(schoolYear: $year, stage: PRIMARY) { verdict } } }")
				.variable("code", county).variable("year", year).execute().errors().verify()
				.path("region.balance.verdict").entity(String.class).isEqualTo("NO_DATA");
		}
		// A target reads its school year's indicators; it is refused the same way when it is made.
		String plan = this.graphQl.document("mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }")
			.variable("input", Map.of("regionCode", county, "title", "年份计划", "startYear", 2026, "endYear", 2027)).execute()
			.errors().verify().path("createPlan.id").entity(String.class).get();
		this.graphQl.document("mutation($input: AddTargetInput!) { addTarget(input: $input) { id } }")
			.variable("input", Map.of("planId", plan, "measure", "差异系数", "targetValue", 0.3, "deadline", "2027-12-31",
					"scope", "REGION_CV", "indicatorCode", "TEACHING_AREA", "regionCode", county, "stage", "PRIMARY",
					"schoolYear", 5874898))
			.execute().errors().satisfy(refused("BAD_REQUEST", "input.schoolYear"));
	}

	/**
	 * A teaching point of 40 pupils with nothing but its rooms recorded fails every resource
	 * indicator, yet it is reported and not judged: NOT_JUDGED, never FAIL, and in no region tally.
	 */
	@Test
	void aTeachingPointUnderFiftyStudentsIsReportedButNotJudged() {
		String county = TestData.county(this.graphQl);
		String point = TestData.school(this.graphQl, county, "教学点");
		record(point, List.of(7, 7, 7, 7, 6, 6), 10.0);
		String school = TestData.school(this.graphQl, county, "中心小学");
		record(school, List.of(50, 50, 50, 50, 50, 50), 1500.0);
		this.graphQl.documentName("schoolBalance").variable("id", point).variable("year", 2026).execute().errors().verify()
			.path("school.balanceVerdict.stages[0].students").entity(Integer.class).isEqualTo(40)
			.path("school.balanceVerdict.stages[0].excluded").entity(Boolean.class).isEqualTo(true)
			.path("school.balanceVerdict.stages[0].verdict").entity(String.class).isEqualTo("NOT_JUDGED")
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == 'TEACHING_AREA')].status").entityList(String.class)
			.containsExactly("BELOW")
			.path("school.balanceVerdict.verdict").entity(String.class).isEqualTo("NOT_JUDGED")
			.path("school.indicators[0].verdict").entity(String.class).isEqualTo("NOT_JUDGED");
		GraphQlTester.Response region = this.graphQl.documentName("regionBalance").variable("code", county).variable("year", 2026)
			.variable("stage", "PRIMARY").execute();
		region.errors().verify()
			.path("region.balance.schools").entity(Integer.class).isEqualTo(2)
			.path("region.balance.judgedSchools").entity(Integer.class).isEqualTo(1)
			.path("region.balance.passingSchools").entity(Integer.class).isEqualTo(0)
			.path("region.balance.reasons").entityList(String.class)
			.satisfies((reasons) -> assertThat(reasons).noneMatch((reason) -> reason.contains("教学点"))
				.anyMatch((reason) -> reason.startsWith("中心小学未达标：")))
			.path("region.balance.indicators[*].shortfalls[*].school.name").entityList(String.class)
			.satisfies((names) -> assertThat(names).isNotEmpty().containsOnly("中心小学"));
	}

	/**
	 * Two schools have equipment recorded and one has not: the CV of the two says nothing of the
	 * three, so the indicator is not met or failed but unknown, and says how many lack the figure.
	 */
	@Test
	void aRegionCvOverSchoolsWithAMissingFigureIsNoData() {
		String county = TestData.county(this.graphQl);
		for (String name : List.of("甲", "乙")) {
			record(TestData.school(this.graphQl, county, name + "小学"), List.of(50, 50, 50, 50, 50, 50), 1500.0);
		}
		String missing = TestData.school(this.graphQl, county, "缺设备值小学");
		Map<String, Object> conditions = conditions(missing, List.of(50, 50, 50, 50, 50, 50), 1500.0);
		conditions.remove("equipmentValue");
		this.graphQl.documentName("recordConditions").variable("input", conditions).execute().errors().verify();
		this.graphQl.documentName("regionBalance").variable("code", county).variable("year", 2026).variable("stage", "PRIMARY")
			.execute().errors().verify()
			.path("region.balance.indicators[?(@.code == 'EQUIPMENT_VALUE')].cv").entityList(Double.class).containsExactly(0.0)
			.path("region.balance.indicators[?(@.code == 'EQUIPMENT_VALUE')].schoolsCounted").entityList(Integer.class).containsExactly(2)
			.path("region.balance.indicators[?(@.code == 'EQUIPMENT_VALUE')].schoolsMissing").entityList(Integer.class).containsExactly(1)
			.path("region.balance.indicators[?(@.code == 'EQUIPMENT_VALUE')].met").entityList(Object.class)
			.satisfies((met) -> assertThat(met).hasSize(1).containsOnlyNulls())
			.path("region.balance.indicators[?(@.code == 'TEACHING_AREA')].schoolsMissing").entityList(Integer.class).containsExactly(0)
			.path("region.balance.indicators[?(@.code == 'TEACHING_AREA')].met").entityList(Boolean.class).containsExactly(true)
			.path("region.balance.verdict").entity(String.class).isNotEqualTo("PASS")
			.path("region.balance.reasons").entityList(String.class)
			.satisfies((reasons) -> assertThat(reasons).contains(
					"生均教学仪器设备值：3 所学校中有 1 所缺少数据，差异系数无法判定"));
	}

	private void record(String school, List<Integer> grades, double teachingArea) {
		this.graphQl.documentName("recordConditions").variable("input", conditions(school, grades, teachingArea)).execute()
			.errors().verify();
	}

	/** One class per grade, rooms of the national size, equipment of 2,000 yuan per pupil. */
	private static Map<String, Object> conditions(String school, List<Integer> grades, double teachingArea) {
		int students = grades.stream().mapToInt(Integer::intValue).sum();
		Map<String, Object> input = new HashMap<>(Map.of("schoolId", school, "schoolYear", 2026, "studentsByGrade", grades,
				"classSizes", grades, "teachingArea", teachingArea, "sportsArea", students * 10, "equipmentValue", students * 2000,
				"multimediaClassrooms", 8, "musicRoomAreas", List.of(96), "artRoomAreas", List.of(90)));
		return input;
	}

	private void teacher(String school, String name, String backbone) {
		this.graphQl.documentName("createTeacher")
			.variable("input", Map.of("schoolId", school, "name", name, "gender", "FEMALE", "birthYear", 1985,
					"highestDegree", "BACHELOR", "backboneLevel", backbone, "joinedSchoolOn", "2015-09-01"))
			.execute().errors().verify();
	}

}
