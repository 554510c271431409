package org.junheng.indicator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.SqlStatements;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The standard computed live through the graph: the golden school, threshold sets, region balance, freshness. */
@EndToEndTest
class IndicatorGraphTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private SqlStatements sql;

	/**
	 * Seed 003's school, from its raw figures: 136 / 1,963 teachers, 30 backbone, 24 PE and arts,
	 * 9,122.83 m², 17,455 m², 5,252,925 yuan, 50 classrooms. The report's own per-student figures
	 * differ where it rounded: teaching rooms 4.64 (4.647 here) and equipment 2,683 (2,676 here).
	 */
	@Test
	void seed003SchoolIsJudgedAsTheStandardComputesIt() {
		GraphQlTester.Response response = this.graphQl.documentName("schoolBalance").variable("id", goldenSchoolId()).variable("year", 2026)
			.execute();
		response.errors().verify();
		Map<String, Double> expected = Map.of("QUALIFIED_TEACHERS", 6.928, "BACKBONE_TEACHERS", 1.528, "PE_ARTS_TEACHERS", 1.223,
				"TEACHING_AREA", 4.647, "SPORTS_AREA", 8.892, "EQUIPMENT_VALUE", 2675.968, "MULTIMEDIA_CLASSROOMS", 2.547);
		expected.forEach((code, value) -> response
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == '" + code + "')].value").entityList(Double.class)
			.satisfies((values) -> assertThat(values).singleElement().satisfies((v) -> assertThat(v).isCloseTo(value, within(0.001)))));
		response.path("school.balanceVerdict.verdict").entity(String.class).isEqualTo("PASS")
			.path("school.balanceVerdict.stages[0].indicators[*].status").entityList(String.class)
			.satisfies((statuses) -> assertThat(statuses).hasSize(7).containsOnly("MET"))
			.path("school.balanceVerdict.stages[0].indicators[0].definition.nameZh").entity(String.class).isEqualTo("每百名学生拥有高于规定学历教师数")
			.path("school.indicators[0].students").entity(Integer.class).isEqualTo(1963)
			.path("school.balanceVerdict.guarantees[?(@.code == 'MUSIC_ROOMS')].met").entityList(Boolean.class).containsExactly(false)
			.path("school.balanceVerdict.guarantees[?(@.code == 'MUSIC_ROOMS')].required").entityList(Double.class).containsExactly(4.0)
			.path("school.balanceVerdict.guarantees[?(@.code == 'MUSIC_ROOMS')].value").entityList(Double.class).containsExactly(3.0)
			.path("school.balanceVerdict.guarantees[?(@.code == 'ART_ROOMS')].met").entityList(Boolean.class).containsExactly(false)
			.path("school.balanceVerdict.guarantees[?(@.code == 'CLASS_SIZE_PRIMARY')].met").entityList(Boolean.class).containsExactly(true)
			.path("school.balanceVerdict.guarantees[?(@.code == 'SCHOOL_SIZE')].met").entityList(Boolean.class).containsExactly(true)
			.path("school.balanceVerdict.guarantees[?(@.code == 'CERTIFICATE_RATE')].met").entityList(Boolean.class).containsExactly(true)
			.path("school.balanceVerdict.guarantees[?(@.code == 'TRAINING_COMPLETION')].met").entityList(Boolean.class).containsExactly(true);
	}

	@Test
	void aCitySetOverridesSingleValuesAndInheritsTheRest() {
		String query = "query($code: String) { indicatorDefinitions { code category thresholds(regionCode: $code) { stage value thresholdSet source } } }";
		GraphQlTester.Response county = this.graphQl.document(query).variable("code", "511921").execute();
		county.errors().verify();
		county.path("indicatorDefinitions[?(@.code == 'MUSIC_ROOM_AREA')].thresholds[0].value").entityList(Double.class).containsExactly(73.0)
			.path("indicatorDefinitions[?(@.code == 'MUSIC_ROOM_AREA')].thresholds[0].thresholdSet").entityList(String.class).containsExactly("BAZHONG-2024")
			.path("indicatorDefinitions[?(@.code == 'TEACHING_AREA')].thresholds[*].value").entityList(Double.class)
			.satisfies((values) -> assertThat(values).containsExactlyInAnyOrder(4.5, 5.8))
			.path("indicatorDefinitions[?(@.code == 'TEACHING_AREA')].thresholds[*].thresholdSet").entityList(String.class)
			.satisfies((sets) -> assertThat(sets).containsOnly("NATIONAL-2017"));
		this.graphQl.document(query).variable("code", null).execute().errors().verify()
			.path("indicatorDefinitions[?(@.code == 'MUSIC_ROOM_AREA')].thresholds[0].value").entityList(Double.class).containsExactly(96.0)
			.path("indicatorDefinitions").entityList(Object.class).satisfies((all) -> assertThat(all).hasSizeGreaterThanOrEqualTo(7));
	}

	@Test
	void regionBalanceNamesEveryFailingIndicatorAndSchool() {
		GraphQlTester.Response response = this.graphQl.documentName("regionBalance").variable("code", "511921").variable("year", 2026)
			.variable("stage", "PRIMARY").execute();
		response.errors().verify();
		response.path("region.balance.thresholdSet").entity(String.class).isEqualTo("BAZHONG-2024")
			.path("region.balance.indicators").entityList(Object.class).hasSize(7)
			.path("region.balance.indicators[*].cv").entityList(Double.class).satisfies((cvs) -> assertThat(cvs).hasSize(7).allMatch((cv) -> cv > 0))
			.path("region.balance.verdict").entity(String.class).isEqualTo("FAIL")
			.path("region.balance.reasons").entityList(String.class).satisfies((reasons) -> assertThat(reasons).isNotEmpty())
			.path("region.balance.exchange.eligibleTeachers").entity(Integer.class).satisfies((n) -> assertThat(n).isPositive());
		int judged = response.path("region.balance.judgedSchools").entity(Integer.class).get();
		int schools = response.path("region.balance.schools").entity(Integer.class).get();
		assertThat(judged).isLessThan(schools).isPositive();
	}

	@Test
	void aChangedFigureShowsInTheVeryNextAnswer() {
		String county = TestData.county(this.graphQl);
		String first = school(county, "甲小学", 1500);
		school(county, "乙小学", 1500);
		this.graphQl.documentName("regionBalance").variable("code", county).variable("year", 2026).variable("stage", "PRIMARY").execute()
			.errors().verify()
			.path("region.balance.indicators[?(@.code == 'TEACHING_AREA')].cv").entityList(Double.class).containsExactly(0.0)
			.path("region.balance.indicators[?(@.code == 'TEACHING_AREA')].shortfalls").entityList(Object.class).hasSize(1);
		record(first, 2026, 900, 0);
		this.graphQl.documentName("regionBalance").variable("code", county).variable("year", 2026).variable("stage", "PRIMARY").execute()
			.errors().verify()
			.path("region.balance.indicators[?(@.code == 'TEACHING_AREA')].cv").entityList(Double.class)
			.satisfies((cv) -> assertThat(cv).singleElement().satisfies((value) -> assertThat(value).isCloseTo(0.25, within(0.001))))
			.path("region.balance.indicators[?(@.code == 'TEACHING_AREA')].shortfalls[*].value").entityList(Double.class).contains(3.0);
		this.graphQl.documentName("schoolBalance").variable("id", first).variable("year", 2026).execute().errors().verify()
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == 'TEACHING_AREA')].value").entityList(Double.class)
			.containsExactly(3.0);
	}

	@Test
	void aMissingFigureIsNoDataAndAYearWithoutConditionsHasNoVerdict() {
		String county = TestData.county(this.graphQl);
		String id = TestData.school(this.graphQl, county, "缺数小学");
		this.graphQl.document("mutation($input: RecordSchoolConditionsInput!) { recordSchoolConditions(input: $input) { version } }")
			.variable("input", Map.of("schoolId", id, "schoolYear", 2026, "studentsByGrade", List.of(40, 40, 40, 40, 40, 40),
					"classSizes", List.of(40, 40, 40, 40, 40, 40), "teachingArea", 1200, "sportsArea", 2000, "multimediaClassrooms", 6))
			.execute().errors().verify();
		this.graphQl.documentName("schoolBalance").variable("id", id).variable("year", 2026).execute().errors().verify()
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == 'EQUIPMENT_VALUE')].status").entityList(String.class).containsExactly("NO_DATA")
			.path("school.balanceVerdict.verdict").entity(String.class).isNotEqualTo("PASS");
		this.graphQl.documentName("schoolBalance").variable("id", id).variable("year", 2019).execute().errors().verify()
			.path("school.balanceVerdict").valueIsNull()
			.path("school.indicators").entityList(Object.class).hasSize(0);
	}

	@Test
	void nineYearSchoolsAreJudgedInTwoStagesAndPagesDoNotCostAStatementPerSchool() {
		this.graphQl.document("{ schools(first: 1, filter: { regionCode: \"511921\", stage: [NINE_YEAR] }) { edges { node { indicators(schoolYear: 2026) { stage } } } } }")
			.execute().errors().verify()
			.path("schools.edges[0].node.indicators[*].stage").entityList(String.class).containsExactly("PRIMARY", "JUNIOR");
		String page = "query($first: Int) { schools(first: $first, filter: { regionCode: \"511921\" }) { edges { node { name balanceVerdict(schoolYear: 2026) { verdict stages { indicators { code value definition { unit } } } } } } } }";
		this.sql.reset();
		this.graphQl.document(page).variable("first", 5).execute().errors().verify();
		int small = this.sql.count();
		this.sql.reset();
		this.graphQl.document(page).variable("first", 50).execute().errors().verify();
		assertThat(this.sql.count()).isEqualTo(small).isLessThanOrEqualTo(4);
	}

	@Test
	void balancesOfManyRegionsCostNoMoreStatementsThanOne() {
		String query = "query($first: Int) { regions(first: $first, filter: { within: \"510000\" }) { edges { node { code"
				+ " balance(schoolYear: 2026, stage: PRIMARY) { verdict schools exchange { exchangedTeachers } } } } } }";
		this.sql.reset();
		this.graphQl.document(query).variable("first", 1).execute().errors().verify();
		int one = this.sql.count();
		this.sql.reset();
		this.graphQl.document(query).variable("first", 3).execute().errors().verify()
			.path("regions.edges[*].node.balance.schools").entityList(Integer.class).satisfies((counts) -> assertThat(counts).hasSize(3));
		assertThat(this.sql.count()).isEqualTo(one).isEqualTo(4);
		// The province, its city and the county hold the same 100-odd demo primary schools.
		this.graphQl.document(query).variable("first", 3).execute()
			.path("regions.edges[?(@.node.code == '511921')].node.balance.schools").entityList(Integer.class)
			.satisfies((counts) -> assertThat(counts).singleElement().satisfies((n) -> assertThat(n).isGreaterThanOrEqualTo(105)));
	}

	private String goldenSchoolId() {
		return this.graphQl.document("{ schools(filter: { name: \"通江县实验小学\" }) { edges { node { id } } } }").execute()
			.path("schools.edges[0].node.id").entity(String.class).get();
	}

	/** A primary school of 300 students in 2026 with 1,500 m² of teaching rooms (5 per student) and 20 teachers. */
	private String school(String county, String name, int teachingArea) {
		String id = TestData.school(this.graphQl, county, name);
		record(id, 2026, teachingArea, null);
		for (int i = 0; i < 3; i++) {
			TestData.teacher(this.graphQl, id, name + "老师" + i);
		}
		return id;
	}

	private void record(String schoolId, int year, int teachingArea, Integer version) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("schoolId", schoolId, "schoolYear", year,
				"studentsByGrade", List.of(50, 50, 50, 50, 50, 50), "classSizes", List.of(50, 50, 50, 50, 50, 50),
				"teachingArea", teachingArea, "sportsArea", 3000, "equipmentValue", 700000, "multimediaClassrooms", 8,
				"musicRoomAreas", List.of(96), "artRoomAreas", List.of(90)));
		if (version != null) {
			input.put("version", version);
		}
		this.graphQl.document("mutation($input: RecordSchoolConditionsInput!) { recordSchoolConditions(input: $input) { version } }")
			.variable("input", input).execute().errors().verify();
	}

}
