package org.junheng.indicator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junheng.GraphQlAssertions.refused;

/**
 * Where an exchanged teacher counts (ROTATION_COUNTS_AT_RECEIVER): an ACTIVE or COMPLETED
 * rotation at the receiving school, support teaching and a rotation not yet under way at home,
 * and everyone at home where a threshold set says 0.
 */
@EndToEndTest
class RotationCountingTests {

	private static final String BACKBONE = "query($id: ID!) { school(id: $id) { indicators(schoolYear: 2026)"
			+ " { indicators { code value } } } }";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void aRotationUnderWayCountsAtTheReceivingSchoolAndSupportTeachingAtHome() {
		String province = TestData.regionCode();
		String city = TestData.regionCode();
		String county = TestData.regionCode();
		TestData.region(this.graphQl, province, "轮岗省", "PROVINCE", null);
		TestData.region(this.graphQl, city, "轮岗市", "CITY", province);
		TestData.region(this.graphQl, county, "轮岗县", "COUNTY", city);
		String home = school(county, "原学校");
		String receiver = school(county, "接收学校");
		List<String> teachers = List.of(backboneTeacher(home), backboneTeacher(home), backboneTeacher(home),
				backboneTeacher(home));
		exchange(teachers.get(0), receiver, "ROTATION", "ACTIVE");
		exchange(teachers.get(1), receiver, "SUPPORT_TEACHING", "ACTIVE");
		exchange(teachers.get(2), receiver, "ROTATION", "PLANNED");
		// 300 pupils each: 3 backbone teachers at home are 1.0 per 100, the rotating one 0.33 at the receiver.
		assertThat(backbone(home)).isCloseTo(1.0, within(1e-9));
		assertThat(backbone(receiver)).isCloseTo(1.0 / 3, within(1e-9));
		this.graphQl.document("mutation($input: CreateThresholdSetInput!) { createThresholdSet(input: $input) { code } }")
			.variable("input", Map.of("code", "R" + city, "name", "全部计入原学校", "regionCode", city, "source", "测试"))
			.execute().errors().verify();
		String set = "mutation($input: SetThresholdInput!) { setThreshold(input: $input) { version } }";
		this.graphQl.document(set).variable("input", Map.of("thresholdSet", "R" + city, "version", 0, "indicatorCode",
				"ROTATION_COUNTS_AT_RECEIVER", "stage", "ALL", "value", 0.5, "source", "测试")).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.value"));
		this.graphQl.document(set).variable("input", Map.of("thresholdSet", "R" + city, "version", 0, "indicatorCode",
				"ROTATION_COUNTS_AT_RECEIVER", "stage", "ALL", "value", 0, "source", "轮岗教师计入原学校")).execute().errors().verify();
		assertThat(backbone(home)).isCloseTo(4.0 / 3, within(1e-9));
		assertThat(backbone(receiver)).isCloseTo(0.0, within(1e-9));
	}

	private String school(String county, String name) {
		String id = TestData.school(this.graphQl, county, name);
		List<Integer> grades = List.of(50, 50, 50, 50, 50, 50);
		this.graphQl.documentName("recordConditions").variable("input", Map.of("schoolId", id, "schoolYear", 2026, "studentsByGrade",
				grades, "classSizes", grades, "teachingArea", 1500, "sportsArea", 3000, "equipmentValue", 600000, "multimediaClassrooms", 8))
			.execute().errors().verify();
		return id;
	}

	private String backboneTeacher(String school) {
		return this.graphQl.documentName("createTeacher").variable("input", Map.of("schoolId", school, "name", "骨干", "gender", "MALE",
				"birthYear", 1980, "highestDegree", "BACHELOR", "backboneLevel", "CITY", "joinedSchoolOn", "2015-09-01"))
			.execute().errors().verify().path("createTeacher.id").entity(String.class).get();
	}

	private double backbone(String school) {
		return this.graphQl.document(BACKBONE).variable("id", school).execute().errors().verify()
			.path("school.indicators[0].indicators[?(@.code == 'BACKBONE_TEACHERS')].value").entityList(Double.class).get().get(0);
	}

	private void exchange(String teacher, String to, String kind, String status) {
		this.graphQl.documentName("createExchange").variable("input", Map.of("teacherId", teacher, "toSchoolId", to, "schoolYear", 2026,
				"kind", kind, "startsOn", "2026-09-01", "endsOn", "2027-07-10", "status", status)).execute().errors().verify();
	}

}
