package org.junheng.indicator;

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

/** Province and city threshold sets: single overrides with a source, inheritance, versions. */
@EndToEndTest
class ThresholdSetGraphTests {

	private static final String CREATE = "mutation($input: CreateThresholdSetInput!) { createThresholdSet(input: $input) { code parent version region { code } } }";

	private static final String SET = "mutation($input: SetThresholdInput!) { setThreshold(input: $input) { version values { indicatorCode stage value source } } }";

	private static final String STATUS = "query($id: ID!) { school(id: $id) { balanceVerdict(schoolYear: 2026) { thresholdSet"
			+ " stages { indicators { code threshold status } } } } }";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void aProvinceOverrideChangesTheJudgementAndACitySetInheritsIt() {
		String county = TestData.county(this.graphQl);
		String city = parent(county);
		String province = parent(city);
		String school = TestData.school(this.graphQl, county, "阈值小学");
		// 1,200 m² for 300 students: 4.0 per student, under the national 4.5.
		this.graphQl.document("mutation($input: RecordSchoolConditionsInput!) { recordSchoolConditions(input: $input) { version } }")
			.variable("input", Map.of("schoolId", school, "schoolYear", 2026, "studentsByGrade", List.of(50, 50, 50, 50, 50, 50),
					"classSizes", List.of(50, 50, 50, 50, 50, 50), "teachingArea", 1200))
			.execute().errors().verify();
		status(school).path("school.balanceVerdict.stages[0].indicators[?(@.code == 'TEACHING_AREA')].status")
			.entityList(String.class).containsExactly("NEAR");

		String code = "P" + province;
		this.graphQl.document(CREATE).variable("input", Map.of("code", code, "name", "省细则", "regionCode", province, "source", "省教育厅文件"))
			.execute().errors().verify()
			.path("createThresholdSet.parent").entity(String.class).isEqualTo("NATIONAL-2017")
			.path("createThresholdSet.region.code").entity(String.class).isEqualTo(province);
		this.graphQl.document(SET).variable("input", Map.of("thresholdSet", code, "version", 0, "indicatorCode", "TEACHING_AREA",
				"stage", "PRIMARY", "value", 4.0, "source", "山区小学生均教学用房不低于4.0平方米"))
			.execute().errors().verify()
			.path("setThreshold.version").entity(Integer.class).isEqualTo(1)
			.path("setThreshold.values[0].value").entity(Double.class).isEqualTo(4.0);
		status(school).path("school.balanceVerdict.thresholdSet").entity(String.class).isEqualTo(code)
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == 'TEACHING_AREA')].status").entityList(String.class).containsExactly("MET")
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == 'SPORTS_AREA')].threshold").entityList(Double.class).containsExactly(7.5);

		this.graphQl.document(CREATE).variable("input", Map.of("code", "C" + city, "name", "市细则", "regionCode", city, "source", "市教育局文件"))
			.execute().errors().verify()
			.path("createThresholdSet.parent").entity(String.class).isEqualTo(code);
		this.graphQl.document("query($code: String) { indicatorDefinitions { code thresholds(regionCode: $code) { stage value thresholdSet } } }")
			.variable("code", county).execute().errors().verify()
			.path("indicatorDefinitions[?(@.code == 'TEACHING_AREA')].thresholds[?(@.stage == 'PRIMARY')].thresholdSet")
			.entityList(String.class).containsExactly(code);
	}

	@Test
	void setsAreGuarded() {
		String county = TestData.county(this.graphQl);
		String city = parent(county);
		String code = "C" + city;
		Map<String, Object> create = Map.of("code", code, "name", "市细则", "regionCode", city, "source", "市教育局文件");
		this.graphQl.document(CREATE).variable("input", create).execute().errors().verify();
		this.graphQl.document(CREATE).variable("input", Map.of("code", "X" + city, "name", "又一个", "regionCode", city, "source", "文件"))
			.execute().errors().satisfy(refused("BAD_REQUEST", "input.regionCode"));
		this.graphQl.document(CREATE).variable("input", Map.of("code", "K" + county, "name", "县", "regionCode", county, "source", "文件"))
			.execute().errors().satisfy(refused("BAD_REQUEST", "input.regionCode"));
		this.graphQl.document(CREATE).variable("input", Map.of("code", "bad code", "name", "坏", "regionCode", city, "source", "文件"))
			.execute().errors().satisfy(refused("BAD_REQUEST", "input.code"));
		Map<String, Object> set = Map.of("thresholdSet", code, "version", 0, "indicatorCode", "MUSIC_ROOM_AREA", "stage", "ALL",
				"value", 80, "source", "文件");
		this.graphQl.document(SET).variable("input", set).execute().errors().verify();
		this.graphQl.document(SET).variable("input", set).execute().errors().satisfy(refused("CONFLICT", "input.version")
			.andThen((errors) -> assertThat(errors.get(0).getMessage())
				.isEqualTo("input.version：为 0，但该标准已是第 1 版；请重新加载后再试")));
		this.graphQl.document(SET).variable("input", Map.of("thresholdSet", code, "version", 1, "indicatorCode", "NO_SUCH", "stage", "ALL",
				"value", 1, "source", "文件")).execute().errors().satisfy(refused("NOT_FOUND", "input.indicatorCode"));
		this.graphQl.document(SET).variable("input", Map.of("thresholdSet", "NATIONAL-2017", "version", 0, "indicatorCode", "MUSIC_ROOM_AREA",
				"stage", "ALL", "value", 10, "source", "文件")).execute().errors().satisfy(refused("BAD_REQUEST", "input.thresholdSet"));
		this.graphQl.document("{ thresholdSets { code version values { indicatorCode value } } }").execute().errors().verify()
			.path("thresholdSets[?(@.code == '" + code + "')].version").entityList(Integer.class).containsExactly(1);
	}

	private GraphQlTester.Response status(String school) {
		GraphQlTester.Response response = this.graphQl.document(STATUS).variable("id", school).execute();
		response.errors().verify();
		return response;
	}

	private String parent(String code) {
		return this.graphQl.document("query($c: String!) { region(code: $c) { parent { code } } }").variable("c", code).execute()
			.path("region.parent.code").entity(String.class).get();
	}

}
