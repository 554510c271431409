package org.junheng.school;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junheng.GraphQlAssertions.refused;

/** Listing, filtering, paging and changing schools, against the demo county and rows of its own. */
@EndToEndTest
class SchoolGraphTests {

	private static final String DEMO_COUNTY = "511921";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void regionFilterIncludesDescendants() {
		long inCounty = total(Map.of("regionCode", DEMO_COUNTY));
		long inCity = total(Map.of("regionCode", "511900"));
		assertThat(inCounty).isEqualTo(120);
		assertThat(inCity).isEqualTo(inCounty);
		assertThat(total(Map.of("regionCode", "999999"))).isZero();
	}

	@Test
	void filtersCombineStageLocalityNameAndSchoolYear() {
		assertThat(total(Map.of("regionCode", DEMO_COUNTY, "stage", List.of("JUNIOR"), "locality", List.of("URBAN")))).isEqualTo(3);
		assertThat(total(Map.of("regionCode", DEMO_COUNTY, "name", "中心小学"))).isEqualTo(18);
		assertThat(total(Map.of("regionCode", DEMO_COUNTY, "stage", List.of("NINE_YEAR", "TWELVE_YEAR")))).isEqualTo(8);
		assertThat(total(Map.of("regionCode", DEMO_COUNTY, "schoolYear", 2025))).isEqualTo(120);
		assertThat(total(Map.of("regionCode", DEMO_COUNTY, "schoolYear", 2019))).isZero();
		// LIKE wildcards in a search are text, not patterns.
		assertThat(total(Map.of("regionCode", DEMO_COUNTY, "name", "%"))).isZero();
	}

	@Test
	void forwardAndBackwardPagesVisitEverySchoolOnce() {
		Map<String, Object> filter = Map.of("regionCode", DEMO_COUNTY);
		List<String> forward = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = this.graphQl.documentName("schoolPage").variable("first", 7).variable("after", after)
				.variable("filter", filter).execute();
			forward.addAll(page.path("schools.edges[*].node.id").entityList(String.class).get());
			more = page.path("schools.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("schools.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(forward).hasSize(120).doesNotHaveDuplicates();

		List<String> backward = new ArrayList<>();
		String before = null;
		more = true;
		while (more) {
			GraphQlTester.Response page = this.graphQl
				.document("query($last: Int, $before: String, $filter: SchoolFilter) { schools(last: $last, before: $before, filter: $filter)"
						+ " { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }")
				.variable("last", 9).variable("before", before).variable("filter", filter).execute();
			backward.addAll(0, page.path("schools.edges[*].node.id").entityList(String.class).get());
			more = page.path("schools.pageInfo.hasPreviousPage").entity(Boolean.class).get();
			before = page.path("schools.pageInfo.startCursor").entity(String.class).get();
		}
		assertThat(backward).isEqualTo(forward);
	}

	@Test
	void ordersByCodeDescending() {
		List<String> codes = this.graphQl.documentName("schoolPage").variable("first", 10)
			.variable("filter", Map.of("regionCode", DEMO_COUNTY)).variable("orderBy", Map.of("field", "CODE", "direction", "DESC"))
			.execute().path("schools.edges[*].node.code").entityList(String.class).get();
		assertThat(codes).hasSize(10).isSortedAccordingTo((a, b) -> b.compareTo(a)).first().isEqualTo("2511921120");
	}

	@Test
	void aCursorOfAnotherOrderIsRefused() {
		String cursor = this.graphQl.documentName("schoolPage").variable("first", 1).execute()
			.path("schools.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.documentName("schoolPage").variable("first", 1).variable("after", cursor)
			.variable("orderBy", Map.of("field", "CODE")).execute()
			.errors().satisfy(refused("BAD_REQUEST", "after"));
	}

	@Test
	void createdSchoolIsFoundByIdByNodeAndInItsRegion() {
		String county = TestData.county(this.graphQl);
		String id = TestData.school(this.graphQl, county, "测试镇中心小学");
		this.graphQl.document("query($id: ID!) { school(id: $id) { name region { code } } node(id: $id) { __typename ... on School { name } } }")
			.variable("id", id).execute()
			.path("school.name").entity(String.class).isEqualTo("测试镇中心小学")
			.path("school.region.code").entity(String.class).isEqualTo(county)
			.path("node.__typename").entity(String.class).isEqualTo("School");
		assertThat(total(Map.of("regionCode", county))).isEqualTo(1);
	}

	@Test
	void invalidSchoolsAreRefusedAndNothingIsCreated() {
		String county = TestData.county(this.graphQl);
		Map<String, Object> valid = Map.of("code", TestData.schoolCode(), "name", "好学校", "stage", "PRIMARY", "locality",
				"RURAL", "regionCode", county);
		createSchool(with(valid, "code", "12345")).errors().satisfy(refused("BAD_REQUEST", "input.code"));
		createSchool(with(valid, "name", "  ")).errors().satisfy(refused("BAD_REQUEST", "input.name"));
		createSchool(with(valid, "regionCode", "0123")).errors().satisfy(refused("BAD_REQUEST", "input.regionCode"));
		createSchool(with(valid, "regionCode", TestData.regionCode())).errors().satisfy(refused("NOT_FOUND", "input.regionCode"));
		createSchool(valid).errors().verify();
		createSchool(with(valid, "name", "重名学校")).errors().satisfy(refused("BAD_REQUEST", "input.code"));
		assertThat(total(Map.of("regionCode", county))).isEqualTo(1);
	}

	@Test
	void staleUpdateIsRefusedAndOverwritesNothing() {
		String county = TestData.county(this.graphQl);
		String id = TestData.school(this.graphQl, county, "旧名小学");
		updateSchool(Map.of("id", id, "version", 0, "name", "新名小学", "boarding", true)).errors().verify()
			.path("updateSchool.version").entity(Integer.class).isEqualTo(1)
			.path("updateSchool.boarding").entity(Boolean.class).isEqualTo(true)
			.path("updateSchool.stage").entity(String.class).isEqualTo("PRIMARY");
		updateSchool(Map.of("id", id, "version", 0, "name", "晚到的名字")).errors().satisfy(refused("CONFLICT", "input.version"));
		updateSchool(Map.of("id", id, "version", 1, "regionCode", TestData.regionCode()))
			.errors().satisfy(refused("NOT_FOUND", "input.regionCode"));
		updateSchool(Map.of("id", "not-an-id", "version", 1)).errors().satisfy(refused("BAD_REQUEST", "input.id"));
		this.graphQl.document("query($id: ID!) { school(id: $id) { name version } }").variable("id", id).execute()
			.path("school.name").entity(String.class).isEqualTo("新名小学")
			.path("school.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void conditionsAreKeptPerSchoolYearAndCorrectedWithTheirVersion() {
		String id = TestData.school(this.graphQl, TestData.county(this.graphQl), "条件小学");
		Map<String, Object> year2025 = conditions(id, 2025, "1200.50");
		record(year2025).errors().verify()
			.path("recordSchoolConditions.students").entity(Integer.class).isEqualTo(270)
			.path("recordSchoolConditions.classes").entity(Integer.class).isEqualTo(12)
			.path("recordSchoolConditions.largestClass").entity(Integer.class).isEqualTo(23)
			.path("recordSchoolConditions.version").entity(Integer.class).isEqualTo(0);
		record(conditions(id, 2026, "1300")).errors().verify();
		record(with(conditions(id, 2025, "1250"), "version", 0)).errors().verify()
			.path("recordSchoolConditions.version").entity(Integer.class).isEqualTo(1);
		record(with(conditions(id, 2025, "1999"), "version", 0)).errors().satisfy(refused("CONFLICT", "input.version"));
		record(conditions(id, 2025, "1999")).errors().satisfy(refused("CONFLICT", "input.version"));
		record(with(conditions(id, 2024, "1999"), "version", 3)).errors().satisfy(refused("CONFLICT", "input.version"));

		this.graphQl.documentName("schoolConditions").variable("id", id).variable("year", 2025).execute()
			.path("school.conditions.teachingArea").entity(Double.class).isEqualTo(1250.0)
			.path("school.latest.schoolYear").entity(Integer.class).isEqualTo(2026)
			.path("school.conditionsHistory[*].schoolYear").entityList(Integer.class).containsExactly(2026, 2025);
	}

	@Test
	void badConditionsAreRefusedAndChangeNothing() {
		String id = TestData.school(this.graphQl, TestData.county(this.graphQl), "坏数据小学");
		Map<String, Object> valid = conditions(id, 2025, "1000");
		record(with(valid, "teachingArea", -1)).errors().satisfy(refused("BAD_REQUEST", "input.teachingArea"));
		record(with(valid, "musicRoomAreas", List.of(96, 0))).errors().satisfy(refused("BAD_REQUEST", "input.musicRoomAreas"));
		record(with(valid, "classSizes", List.of(40, 40))).errors().satisfy(refused("BAD_REQUEST", "input.classSizes"));
		record(with(with(valid, "studentsByGrade", List.of(30, 30, 30)), "classSizes", List.of(90)))
			.errors().satisfy(refused("BAD_REQUEST", "input.studentsByGrade"));
		record(with(valid, "schoolYear", 1800)).errors().satisfy(refused("BAD_REQUEST", "input.schoolYear"));
		record(with(valid, "schoolId", "U2Nob29sOjk5OTk5OTk5")).errors().satisfy(refused("NOT_FOUND", "input.schoolId"));
		this.graphQl.documentName("schoolConditions").variable("id", id).execute()
			.path("school.conditionsHistory").entityList(Object.class).hasSize(0);
	}

	@Test
	void aStageIsNotChangedAgainstTheConditionsRecordedForIt() {
		String id = TestData.school(this.graphQl, TestData.county(this.graphQl), "改制小学");
		// Without recorded conditions a stage may be corrected freely.
		updateSchool(Map.of("id", id, "version", 0, "stage", "JUNIOR")).errors().verify();
		updateSchool(Map.of("id", id, "version", 1, "stage", "PRIMARY")).errors().verify();
		record(conditions(id, 2025, "1200")).errors().verify();
		record(conditions(id, 2026, "1200")).errors().verify();
		updateSchool(Map.of("id", id, "version", 2, "stage", "NINE_YEAR")).errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST").containsEntry("field", "input.stage");
				assertThat(error.getMessage()).contains("2025 (6), 2026 (6)").contains("九年一贯制学校有 9 个年级");
			});
		});
		this.graphQl.documentName("access/version").variable("id", id).execute()
			.path("node.version").entity(Integer.class).isEqualTo(2);
		// A name change with the same stage is no change of stage.
		updateSchool(Map.of("id", id, "version", 2, "stage", "PRIMARY", "name", "改制小学（本部）")).errors().verify();
	}

	private GraphQlTester.Response createSchool(Map<String, Object> input) {
		return this.graphQl.documentName("createSchool").variable("input", input).execute();
	}

	private GraphQlTester.Response updateSchool(Map<String, Object> input) {
		return this.graphQl.documentName("updateSchool").variable("input", input).execute();
	}

	private GraphQlTester.Response record(Map<String, Object> input) {
		return this.graphQl.documentName("recordConditions").variable("input", input).execute();
	}

	/** A six-grade primary school of 270 students in 12 classes. */
	private static Map<String, Object> conditions(String schoolId, int year, String teachingArea) {
		return Map.ofEntries(Map.entry("schoolId", schoolId), Map.entry("schoolYear", year),
				Map.entry("studentsByGrade", List.of(45, 45, 45, 45, 45, 45)),
				Map.entry("classSizes", List.of(23, 22, 23, 22, 23, 22, 23, 22, 23, 22, 23, 22)),
				Map.entry("teachingArea", Double.valueOf(teachingArea)), Map.entry("sportsArea", 2400),
				Map.entry("equipmentValue", 610000), Map.entry("multimediaClassrooms", 7),
				Map.entry("musicRoomAreas", List.of(96)), Map.entry("artRoomAreas", List.of(90)), Map.entry("books", 8100));
	}

	private long total(Map<String, Object> filter) {
		return this.graphQl.documentName("schoolPage").variable("first", 1).variable("filter", filter).execute()
			.errors().verify()
			.path("schools.totalCount").entity(Long.class).get();
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new java.util.HashMap<>(map);
		copy.put(key, value);
		return copy;
	}

}
