package org.junheng.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.junheng.security.AccessFixture.Who;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junheng.security.AccessFixture.with;

/**
 * Every mutation, as each role, in one city of a province: the roles allowed write and leave an
 * audit entry; every other role is refused with UNAUTHORIZED, FORBIDDEN or NOT_FOUND and nothing changes
 * (the audit trail, which records every row any mutation writes, does not grow).
 */
@EndToEndTest
class RoleMatrixWriteTests {

	private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

	private static final Set<Who> PLANNERS = EnumSet.of(Who.ADMIN, Who.PLANNER);

	private static final Set<Who> SCHOOL = EnumSet.of(Who.ADMIN, Who.SCHOOL_ADMIN);

	@Autowired
	private HttpGraphQlTester nationalAdmin;

	@Autowired
	private DatabaseClient db;

	@Autowired
	private GraphQlSource graphQlSource;

	@LocalServerPort
	private int port;

	private final AtomicInteger serial = new AtomicInteger();

	/** {@code input} is the mutation's {@code input} argument, or with {@code asVariables} all its variables. */
	record Row(String mutation, Set<Who> allowed, Supplier<Map<String, Object>> input, boolean asVariables) {

		Row(String mutation, Set<Who> allowed, Supplier<Map<String, Object>> input) {
			this(mutation, allowed, input, false);
		}

	}

	@Test
	void everyMutationIsAllowedOnlyToItsRolesWithinTheirScope() {
		AccessFixture w = new AccessFixture(this.nationalAdmin, this.port);
		String thresholdSet = "M-" + TestData.regionCode();
		String task = AccessFixture.write(this.nationalAdmin, "addTask", Map.of("planId", w.plan, "title", "督导准备"));
		String target = AccessFixture.write(this.nationalAdmin, "addTarget", Map.of("planId", w.plan, "measure", "达标学校",
				"targetValue", 10, "deadline", "2027-06-30"));
		List<Row> rows = List.of(
				new Row("createRegion", ADMIN, () -> Map.of("code", TestData.regionCode(), "name", "新县", "level", "COUNTY",
						"parentCode", w.city)),
				new Row("updateRegion", ADMIN, () -> Map.of("code", w.county, "version", version(AccessFixture.regionId(w.county)),
						"name", "矩阵县" + next())),
				new Row("createSchool", ADMIN, () -> Map.of("code", TestData.schoolCode(), "name", "新小学", "stage", "PRIMARY",
						"locality", "TOWN", "regionCode", w.county)),
				new Row("updateSchool", ADMIN, () -> Map.of("id", w.neighbour, "version", version(w.neighbour), "name", "二小" + next())),
				new Row("recordSchoolConditions", SCHOOL, () -> conditions(w.school, 2000 + next())),
				new Row("createTeacher", SCHOOL, () -> Map.of("schoolId", w.school, "name", "新老师", "gender", "MALE",
						"birthYear", 1990, "highestDegree", "BACHELOR", "joinedSchoolOn", "2020-09-01")),
				new Row("updateTeacher", SCHOOL, () -> Map.of("id", w.teacher, "version", version(w.teacher), "trainingHours", next())),
				new Row("createExchange", SCHOOL, () -> Map.of("teacherId", w.teacher, "toSchoolId", w.neighbour, "schoolYear", 2025,
						"kind", "SUPPORT_TEACHING", "startsOn", "2025-09-01", "endsOn", "2026-01-31")),
				new Row("updateExchange", SCHOOL, () -> Map.of("id", w.exchange, "version", version(w.exchange), "endsOn",
						"2026-06-" + (10 + next() % 20))),
				new Row("createPairing", ADMIN, () -> Map.of("leadSchoolId", w.school, "supportedSchoolId", w.neighbour, "mode",
						"ALLIANCE", "startsOn", "2025-09-01", "endsOn", "2026-06-30")),
				new Row("updatePairing", ADMIN, () -> Map.of("id", w.pairing, "version", version(w.pairing), "goals", "目标" + next())),
				new Row("createPlan", PLANNERS, () -> Map.of("regionCode", w.county, "title", "新计划", "startYear", 2025, "endYear", 2026)),
				new Row("updatePlan", PLANNERS, () -> Map.of("id", w.plan, "version", version(w.plan), "title", "计划" + next())),
				new Row("addMilestone", PLANNERS, () -> Map.of("planId", w.plan, "title", "新节点", "dueOn", "2026-12-31")),
				new Row("updateMilestone", PLANNERS, () -> Map.of("id", w.milestone, "version", version(w.milestone), "progress",
						next() % 100)),
				new Row("addTask", PLANNERS, () -> Map.of("planId", w.plan, "title", "新任务")),
				new Row("updateTask", PLANNERS, () -> Map.of("id", task, "version", version(task), "title", "任务" + next())),
				new Row("addTarget", PLANNERS, () -> Map.of("planId", w.plan, "measure", "新指标", "targetValue", 5, "deadline",
						"2026-12-31")),
				new Row("updateTarget", PLANNERS, () -> Map.of("id", target, "version", version(target), "targetValue", 10 + next())),
				new Row("createThresholdSet", ADMIN, () -> Map.of("code", thresholdSet, "name", "矩阵市细则", "regionCode", w.city,
						"source", "测试")),
				new Row("setThreshold", ADMIN, () -> Map.of("thresholdSet", thresholdSet, "version", thresholdVersion(thresholdSet),
						"indicatorCode", "TEACHING_AREA", "stage", "PRIMARY", "value", 4.2, "source", "测试")),
				new Row("acceptExchangeProposal", PLANNERS, () -> proposal(w), true));
		List<String> failures = new ArrayList<>();
		// The allowed ADMIN goes last: a threshold set can be created once per region.
		List<Who> order = List.of(Who.ANONYMOUS, Who.VIEWER, Who.PLANNER, Who.SCHOOL_ADMIN, Who.OTHER_ADMIN, Who.ADMIN);
		for (Row row : rows) {
			for (Who who : order) {
				// The input first: making one may write (a proposal's teacher), and that is no part of the answer.
				Map<String, Object> variables = row.asVariables() ? row.input().get() : Map.of("input", row.input().get());
				long before = auditEntries();
				GraphQlTester.Request<?> request = w.http(who).documentName("access/" + row.mutation());
				variables.forEach(request::variable);
				GraphQlTester.Response response = request.execute();
				long written = auditEntries() - before;
				String outcome = outcome(response);
				String expected = row.allowed().contains(who) ? "ALLOWED" : expectedRefusal(who);
				if (!outcome.equals(expected) || (expected.equals("ALLOWED") != (written > 0))) {
					failures.add(row.mutation() + " as " + who + ": expected " + expected + ", got " + outcome + " with " + written
							+ " audit entries");
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(rows.stream().map(Row::mutation).collect(Collectors.toSet())).as("every mutation is in the matrix")
			.isEqualTo(fieldsOf("Mutation"));
		assertThat(RoleMatrixReadTests.COVERED_QUERIES).as("every query is in the matrix").isEqualTo(fieldsOf("Query"));
		assertThat(RoleMatrixReadTests.COVERED_SUBSCRIPTIONS).isEqualTo(fieldsOf("Subscription"));
	}

	@Test
	void aSchoolAdministratorProposesExchangesButDoesNotApproveThem() {
		AccessFixture w = new AccessFixture(this.nationalAdmin, this.port);
		Map<String, Object> active = Map.of("teacherId", w.teacher, "toSchoolId", w.neighbour, "schoolYear", 2025, "kind",
				"ROTATION", "startsOn", "2025-09-01", "endsOn", "2026-06-30", "status", "ACTIVE");
		RoleMatrixReadTests.refused(w.http(Who.SCHOOL_ADMIN).documentName("access/createExchange").variable("input", active)
			.execute(), "FORBIDDEN");
		RoleMatrixReadTests.refused(w.http(Who.SCHOOL_ADMIN).documentName("access/updateExchange")
			.variable("input", Map.of("id", w.exchange, "version", version(w.exchange), "status", "ACTIVE")).execute(), "FORBIDDEN");
		// Nor move a teacher to a school that is not its own: that school is beyond its reach.
		RoleMatrixReadTests.refused(w.http(Who.SCHOOL_ADMIN).documentName("access/updateTeacher")
			.variable("input", Map.of("id", w.teacher, "version", version(w.teacher), "schoolId", w.neighbour)).execute(),
				"NOT_FOUND");
		w.http(Who.ADMIN).documentName("access/updateExchange")
			.variable("input", with(Map.of("id", w.exchange, "version", version(w.exchange)), "status", "ACTIVE")).execute()
			.errors().verify();
	}

	/**
	 * The other city's ADMIN has the role but not the region: what it names lies outside its reach,
	 * answered NOT_FOUND exactly as an ID that names nothing, so writes tell nothing of what exists.
	 */
	private static String expectedRefusal(Who who) {
		return switch (who) {
			case ANONYMOUS -> "UNAUTHORIZED";
			case OTHER_ADMIN -> "NOT_FOUND";
			default -> "FORBIDDEN";
		};
	}

	/**
	 * A fresh eligible teacher at the first school and a proposal of the county as it is then,
	 * with the move of that teacher to the neighbouring school: each acceptance needs its own,
	 * since the one before changed the figures.
	 */
	private Map<String, Object> proposal(AccessFixture w) {
		for (String school : List.of(w.school, w.neighbour)) {
			this.nationalAdmin.documentName("access/recordSchoolConditions").variable("input", conditions(school, 2026)).execute();
		}
		String teacher = TestData.teacher(this.nationalAdmin, w.school, "轮岗老师" + next());
		String id = this.nationalAdmin.documentName("access/exchangeProposal").variable("code", w.county).execute().errors().verify()
			.path("exchangeProposal.id").entity(String.class).get();
		return Map.of("id", id, "moves", List.of(Map.of("teacherId", teacher, "toSchoolId", w.neighbour)));
	}

	private int next() {
		return this.serial.incrementAndGet();
	}

	private int version(String id) {
		return this.nationalAdmin.documentName("access/version").variable("id", id).execute().errors().verify()
			.path("node.version").entity(Integer.class).get();
	}

	private int thresholdVersion(String code) {
		return this.db.sql("select version from threshold_set where code = :code").bind("code", code)
			.map((row) -> row.get(0, Integer.class)).one().defaultIfEmpty(0).block();
	}

	private long auditEntries() {
		return this.db.sql("select count(*) from audit_entry").map((row) -> row.get(0, Long.class)).one().block();
	}

	private Set<String> fieldsOf(String type) {
		return this.graphQlSource.schema().getObjectType(type).getFieldDefinitions().stream()
			.map(GraphQLFieldDefinition::getName).collect(Collectors.toSet());
	}

	private static String outcome(GraphQlTester.Response response) {
		List<String> kinds = new ArrayList<>();
		response.errors().satisfy((errors) -> errors.forEach((error) -> kinds.add(String.valueOf(error.getExtensions()
			.get("classification")) + ":" + error.getMessage())));
		if (kinds.isEmpty()) {
			return "ALLOWED";
		}
		return (kinds.size() == 1) ? kinds.get(0).substring(0, kinds.get(0).indexOf(':')) : kinds.toString();
	}

	private static Map<String, Object> conditions(String schoolId, int year) {
		return Map.ofEntries(Map.entry("schoolId", schoolId), Map.entry("schoolYear", year),
				Map.entry("studentsByGrade", List.of(45, 45, 45, 45, 45, 45)),
				Map.entry("classSizes", List.of(23, 22, 23, 22, 23, 22, 23, 22, 23, 22, 23, 22)),
				Map.entry("teachingArea", 1200.0), Map.entry("sportsArea", 2400), Map.entry("equipmentValue", 610000),
				Map.entry("multimediaClassrooms", 7), Map.entry("musicRoomAreas", List.of(96)),
				Map.entry("artRoomAreas", List.of(90)), Map.entry("books", 8100));
	}

}
