package org.junheng.demo;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo county a newcomer sees: its size, its stages and localities, and seed 003's school as reported. */
@EndToEndTest
class DemoDataTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void demoCountyHasSchoolsOfEveryStageAndLocality() {
		for (String stage : new String[] { "PRIMARY", "JUNIOR", "NINE_YEAR", "TWELVE_YEAR" }) {
			assertThat(count("stage: [" + stage + "]")).as(stage).isPositive();
		}
		for (String locality : new String[] { "URBAN", "TOWN", "RURAL" }) {
			assertThat(count("locality: [" + locality + "]")).as(locality).isPositive();
		}
		assertThat(count("schoolYear: 2025")).isEqualTo(120);
		assertThat(count("schoolYear: 2026")).isEqualTo(120);
	}

	@Test
	void seed003SchoolHasItsReportedFigures() {
		this.graphQl.document("{ schools(filter: { name: \"通江县实验小学\" }) { edges { node { teacherCount"
				+ " conditions(schoolYear: 2026) { students classes largestClass teachingArea sportsArea equipmentValue multimediaClassrooms musicRoomAreas artRoomAreas }"
				+ " backbone: teachers(first: 1, filter: { backbone: true }) { totalCount }"
				+ " degrees: teachers(first: 1, filter: { highestDegree: [HIGH_SCHOOL, SECONDARY_VOCATIONAL] }) { totalCount } } } } }")
			.execute()
			.errors().verify()
			.path("schools.edges[0].node.teacherCount").entity(Integer.class).isEqualTo(136)
			.path("schools.edges[0].node.backbone.totalCount").entity(Integer.class).isEqualTo(30)
			.path("schools.edges[0].node.degrees.totalCount").entity(Integer.class).isEqualTo(0)
			.path("schools.edges[0].node.conditions.students").entity(Integer.class).isEqualTo(1963)
			.path("schools.edges[0].node.conditions.classes").entity(Integer.class).isEqualTo(45)
			.path("schools.edges[0].node.conditions.largestClass").entity(Integer.class).isEqualTo(44)
			.path("schools.edges[0].node.conditions.teachingArea").entity(Double.class).isEqualTo(9122.83)
			.path("schools.edges[0].node.conditions.sportsArea").entity(Double.class).isEqualTo(17455.0)
			.path("schools.edges[0].node.conditions.equipmentValue").entity(Double.class).isEqualTo(5252925.0)
			.path("schools.edges[0].node.conditions.multimediaClassrooms").entity(Integer.class).isEqualTo(50)
			.path("schools.edges[0].node.conditions.musicRoomAreas").entityList(Double.class).containsExactly(60.0, 60.0, 60.0)
			.path("schools.edges[0].node.conditions.artRoomAreas").entityList(Double.class).containsExactly(60.0, 60.0, 60.0);
	}

	private int count(String filter) {
		return this.graphQl.document("{ schools(first: 1, filter: { regionCode: \"511921\", " + filter + " }) { totalCount } }")
			.execute().errors().verify().path("schools.totalCount").entity(Integer.class).get();
	}

}
