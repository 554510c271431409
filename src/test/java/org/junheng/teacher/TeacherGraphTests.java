package org.junheng.teacher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junheng.GraphQlAssertions.refused;

/** Teachers: search, a school's teachers, and the rules of a teacher record. */
@EndToEndTest
class TeacherGraphTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@Test
	void teachersAreSearchedByRegionNameSubjectAndBackbone() {
		int county = total(Map.of("regionCode", "511921"));
		assertThat(county).isBetween(4500, 5500);
		int backbone = total(Map.of("regionCode", "511921", "backbone", true));
		assertThat(backbone).isPositive().isLessThan(county / 4);
		assertThat(total(Map.of("regionCode", "511921", "backbone", false))).isEqualTo(county - backbone);
		assertThat(total(Map.of("regionCode", "511921", "subject", "体育"))).isPositive();
		String name = this.graphQl.document("{ teachers(first: 1, filter: { regionCode: \"511921\" }) { edges { node { name } } } }")
			.execute().path("teachers.edges[0].node.name").entity(String.class).get();
		this.graphQl.document("query($name: String) { teachers(first: 100, filter: { name: $name }) { edges { node { name } } } }")
			.variable("name", name).execute()
			.path("teachers.edges[*].node.name").entityList(String.class).satisfies((names) -> assertThat(names).allMatch((n) -> n.contains(name)));
	}

	/**
	 * A name search finds the text anywhere, whatever its length: texts of one or two characters
	 * are matched with strpos, longer ones with LIKE (SqlWhere.containing), and wildcards are text.
	 * Counted against the county's present teachers' names, matched here in Java.
	 */
	@Test
	void aNameSearchFindsTheTextAnywhereWhateverItsLength() {
		List<String> names = this.db.sql("select t.name from teacher t join school s on s.id = t.school_id"
				+ " where s.region_code in (select d.code from region d, region r where r.code = '511921' and (d.path = r.path"
				+ " or d.path like r.path || '/%')) and t.left_school_on is null").map((row) -> row.get(0, String.class)).all()
			.collectList().block();
		String full = names.stream().filter((n) -> n.codePointCount(0, n.length()) >= 3).findFirst().orElseThrow();
		for (String text : List.of("王", full.substring(1), full, full.substring(0, 1) + "%", full.substring(0, 2) + "_", "_", "\\")) {
			long expected = names.stream().filter((n) -> n.contains(text)).count();
			assertThat(total(Map.of("regionCode", "511921", "name", text))).as(text).isEqualTo((int) expected);
		}
		assertThat(names.stream().filter((n) -> n.contains("王")).count()).isPositive();
	}

	@Test
	void aSchoolListsItsTeachersAndCountsThem() {
		String school = TestData.school(this.graphQl, TestData.county(this.graphQl), "教师小学");
		for (String name : List.of("王芳", "李强", "张伟")) {
			TestData.teacher(this.graphQl, school, name);
		}
		this.graphQl.document("query($id: ID!) { school(id: $id) { teacherCount teachers(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { name school { id } } } } } }")
			.variable("id", school).execute()
			.errors().verify()
			.path("school.teacherCount").entity(Integer.class).isEqualTo(3)
			.path("school.teachers.totalCount").entity(Integer.class).isEqualTo(3)
			.path("school.teachers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("school.teachers.edges[*].node.name").entityList(String.class).containsExactly("张伟", "李强")
			.path("school.teachers.edges[0].node.school.id").entity(String.class).isEqualTo(school);
	}

	@Test
	void aTeacherWhoLeavesMovesOrReturnsKeepsEveryTenure() {
		String county = TestData.county(this.graphQl);
		String first = TestData.school(this.graphQl, county, "来处小学");
		String second = TestData.school(this.graphQl, county, "去处小学");
		String staff = "M" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		String teacher = this.graphQl.documentName("createTeacher")
			.variable("input", Map.of("schoolId", first, "name", "周迁", "gender", "MALE", "birthYear", 1984, "highestDegree", "BACHELOR",
					"joinedSchoolOn", "2012-09-01", "staffNumber", staff))
			.execute().errors().verify().path("createTeacher.id").entity(String.class).get();
		this.graphQl.document("mutation($id: ID!) { updateTeacher(input: { id: $id, version: 0, leftSchoolOn: \"2020-07-01\" }) { version } }")
			.variable("id", teacher).execute().errors().verify();
		this.graphQl.document("query($s: ID!) { school(id: $s) { teacherCount teachers(filter: { status: LEFT }) { totalCount } } }")
			.variable("s", first).execute().errors().verify()
			.path("school.teacherCount").entity(Integer.class).isEqualTo(0)
			.path("school.teachers.totalCount").entity(Integer.class).isEqualTo(1);
		// Two years later at another school: a new tenure; the one before keeps its end.
		this.graphQl.document("mutation($id: ID!, $s: ID!) { updateTeacher(input: { id: $id, version: 1, schoolId: $s,"
				+ " joinedSchoolOn: \"2022-09-01\" }) { leftSchoolOn tenures { school { name } startedOn endedOn } } }")
			.variable("id", teacher).variable("s", second).execute().errors().verify()
			.path("updateTeacher.leftSchoolOn").valueIsNull()
			.path("updateTeacher.tenures[*].school.name").entityList(String.class).containsExactly("来处小学", "去处小学")
			.path("updateTeacher.tenures[*].startedOn").entityList(String.class).containsExactly("2012-09-01", "2022-09-01")
			.path("updateTeacher.tenures[0].endedOn").entity(String.class).isEqualTo("2020-07-01");
		this.graphQl.document("query($s: ID!) { school(id: $s) { teacherCount } }").variable("s", second).execute()
			.path("school.teacherCount").entity(Integer.class).isEqualTo(1);
		// A staff number is one teacher's; a leaving day before the joining day is refused.
		this.graphQl.documentName("createTeacher")
			.variable("input", Map.of("schoolId", first, "name", "冒名", "gender", "MALE", "birthYear", 1984, "highestDegree", "BACHELOR",
					"joinedSchoolOn", "2012-09-01", "staffNumber", staff)).execute().errors().satisfy(refused("BAD_REQUEST", "input.staffNumber"));
		this.graphQl.document("mutation($id: ID!) { updateTeacher(input: { id: $id, version: 2, leftSchoolOn: \"2021-01-01\" })"
				+ " { version } }").variable("id", teacher).execute().errors().satisfy(refused("BAD_REQUEST", "input.leftSchoolOn"));
	}

	@Test
	void teacherRecordsKeepTheirRulesAndVersions() {
		String school = TestData.school(this.graphQl, TestData.county(this.graphQl), "规则小学");
		Map<String, Object> valid = new HashMap<>(Map.of("schoolId", school, "name", "赵敏", "gender", "FEMALE", "birthYear", 1990,
				"highestDegree", "BACHELOR", "joinedSchoolOn", "2014-09-01", "backboneLevel", "COUNTY",
				"backboneValidFrom", "2024-09-01", "backboneValidUntil", "2027-08-31", "trainingHours", 380));
		create(with(valid, "birthYear", 1900)).errors().satisfy(refused("BAD_REQUEST", "input.birthYear"));
		create(with(valid, "trainingHours", -5)).errors().satisfy(refused("BAD_REQUEST", "input.trainingHours"));
		create(with(valid, "backboneValidUntil", "2020-01-01")).errors().satisfy(refused("BAD_REQUEST", "input.backboneValidUntil"));
		create(with(valid, "joinedSchoolOn", "1995-09-01")).errors().satisfy(refused("BAD_REQUEST", "input.joinedSchoolOn"));
		create(with(valid, "schoolId", "U2Nob29sOjk5OTk5OTk5")).errors().satisfy(refused("NOT_FOUND", "input.schoolId"));
		create(with(valid, "schoolId", "UGxhbjox")).errors().satisfy(refused("BAD_REQUEST", "input.schoolId"));
		String id = create(valid).errors().verify()
			.path("createTeacher.hasCertificate").entity(Boolean.class).isEqualTo(true)
			.path("createTeacher.backboneLevel").entity(String.class).isEqualTo("COUNTY")
			.path("createTeacher.id").entity(String.class).get();
		String update = "mutation($input: UpdateTeacherInput!) { updateTeacher(input: $input) { name trainingHours subjects version school { id } } }";
		String other = TestData.school(this.graphQl, TestData.county(this.graphQl), "调入小学");
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "schoolId", other, "subjects", List.of("数学", "科学")))
			.execute().errors().verify()
			.path("updateTeacher.school.id").entity(String.class).isEqualTo(other)
			.path("updateTeacher.trainingHours").entity(Integer.class).isEqualTo(380)
			.path("updateTeacher.subjects").entityList(String.class).containsExactly("数学", "科学");
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "name", "迟到")).execute()
			.errors().satisfy(refused("CONFLICT", "input.version"));
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 1, "birthYear", 1935)).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.birthYear"));
	}

	private GraphQlTester.Response create(Map<String, Object> input) {
		return this.graphQl.documentName("createTeacher").variable("input", input).execute();
	}

	private int total(Map<String, Object> filter) {
		return this.graphQl.document("query($filter: TeacherFilter) { teachers(first: 1, filter: $filter) { totalCount } }")
			.variable("filter", filter).execute().errors().verify()
			.path("teachers.totalCount").entity(Integer.class).get();
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(map);
		copy.put(key, value);
		return copy;
	}

}
