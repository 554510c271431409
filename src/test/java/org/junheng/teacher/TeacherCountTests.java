package org.junheng.teacher;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.junheng.system.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * School.teacherCount is kept by the database as teacher rows change (V12): whatever writes them,
 * one row or many in one statement, the kept count is the count of the school's present teachers.
 */
@EndToEndTest
class TeacherCountTests {

	/** Counting school {@code s}'s present teachers afresh, what the kept count must equal. */
	private static final String RECOUNT = "(select count(*) from teacher t where t.school_id = s.id and t." + TeacherQueries.PRESENT + ")";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@Test
	void theKeptCountFollowsEveryWriteToTeachers() {
		String county = TestData.county(this.graphQl);
		String first = TestData.school(this.graphQl, county, "计数一小");
		String second = TestData.school(this.graphQl, county, "计数二小");
		long a = GlobalId.key(first, "School", "id");
		long b = GlobalId.key(second, "School", "id");
		assertCounts(a, 0, b, 0);

		// Many rows in one statement; one of them has already left and is not counted.
		sql("insert into teacher (school_id, name, gender, birth_year, highest_degree, professional_title, joined_school_on, left_school_on)"
				+ " select :a, '甲' || n, 'FEMALE', 1985, 'BACHELOR', 'NONE', date '2015-09-01',"
				+ " case when n = 6 then date '2020-07-01' end from generate_series(1, 6) n", a, b);
		sql("insert into teacher (school_id, name, gender, birth_year, highest_degree, professional_title, joined_school_on)"
				+ " values (:b, '乙1', 'MALE', 1980, 'MASTER', 'NONE', date '2010-09-01'), (:b, '乙2', 'MALE', 1981, 'MASTER', 'NONE', date '2010-09-01')", a, b);
		assertCounts(a, 5, b, 2);
		// Two move to the other school at once; an edit that moves no one counts nothing.
		sql("update teacher set school_id = :b, joined_school_on = date '2023-09-01' where school_id = :a and name in ('甲1', '甲2')", a, b);
		sql("update teacher set training_hours_5y = training_hours_5y + 10 where school_id in (:a, :b)", a, b);
		assertCounts(a, 3, b, 4);
		// One leaves, the one who had left comes back, and one is deleted.
		sql("update teacher set left_school_on = date '2024-07-01' where school_id = :a and name = '甲3'", a, b);
		sql("update teacher set left_school_on = null, joined_school_on = date '2024-09-01' where school_id = :a and name = '甲6'", a, b);
		sql("delete from teacher where school_id = :b and name = '乙1'", a, b);
		assertCounts(a, 3, b, 3);
		// Leaving and moving in one statement, and deleting one who had left, which was not counted.
		sql("update teacher set left_school_on = case when name = '甲4' then date '2025-07-01' end,"
				+ " school_id = case when name = '甲5' then :b else school_id end where school_id = :a and name in ('甲4', '甲5')", a, b);
		sql("delete from teacher where school_id = :a and name = '甲3'", a, b);
		assertCounts(a, 1, b, 4);

		// Both read paths answer the kept count: the compiled statement and the field-by-field one.
		this.graphQl.document("query($a: ID!, $b: ID!) { a: school(id: $a) { teacherCount } b: school(id: $b) { teacherCount } }")
			.variable("a", first).variable("b", second).execute().errors().verify()
			.path("a.teacherCount").entity(Integer.class).isEqualTo(1)
			.path("b.teacherCount").entity(Integer.class).isEqualTo(4);
		this.graphQl.document("query($a: ID!) { school(id: $a) { teacherCount } }").variable("a", first).execute()
			.errors().verify().path("school.teacherCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void everySchoolsKeptCountIsItsPresentTeachers() {
		// The demo data, and what every other test wrote: the same in every snapshot, as the count
		// is written in the transaction that writes the teachers.
		Long wrong = this.db.sql("select count(*) from school s where " + TeacherQueries.presentAt("s.id") + " <> " + RECOUNT)
			.map((row) -> row.get(0, Long.class)).one().block();
		Long counted = this.db.sql("select coalesce(sum(present), 0) from school_teacher_count").map((row) -> row.get(0, Long.class)).one().block();
		assertThat(wrong).isZero();
		assertThat(counted).isPositive();
	}

	private void sql(String statement, long a, long b) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(statement);
		if (statement.contains(":a")) {
			spec = spec.bind("a", a);
		}
		if (statement.contains(":b")) {
			spec = spec.bind("b", b);
		}
		spec.fetch().rowsUpdated().block();
	}

	private void assertCounts(long a, int expectedA, long b, int expectedB) {
		List<Map<String, Object>> rows = this.db.sql("select s.id, " + TeacherQueries.presentAt("s.id") + " as kept,"
				+ " " + RECOUNT + "::int as present"
				+ " from school s where s.id in (:a, :b) order by s.id = :b")
			.bind("a", a).bind("b", b).fetch().all().collectList().block();
		assertThat(rows).extracting((row) -> row.get("kept")).containsExactly(expectedA, expectedB);
		assertThat(rows).extracting((row) -> row.get("present")).containsExactly(expectedA, expectedB);
	}

}
