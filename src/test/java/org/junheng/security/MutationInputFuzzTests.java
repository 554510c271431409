package org.junheng.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a client puts in a mutation's input, the answer is either a success that wrote
 * something, or a classified client error naming what was wrong that wrote nothing; never an
 * internal error, a stack trace or SQL. 400 seeded random inputs built from valid ones by
 * replacing fields with hostile values.
 */
@EndToEndTest
class MutationInputFuzzTests {

	private static final Set<String> CLIENT_ERRORS = Set.of("BAD_REQUEST", "NOT_FOUND", "ValidationError", "CONFLICT");

	private static final List<Object> HOSTILE = List.of("", " ", "   \t\n", "x".repeat(5000), "'; drop table school; --",
			"\u0000", "😀🏫", "null", "2025-02-30", "9999-99-99", "-1", "1e309", -1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE,
			Long.MAX_VALUE, 1.5, -0.0, 1e308, true, List.of(), List.of(-5, 0), List.of("a", 1), Map.of("nested", 1),
			"U2Nob29sOjk5OTk5OTk5OQ", "Plan:1", "%", "_", "\\", "511921", "0000000000");

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@Test
	void hostileMutationInputsAreRefusedCleanlyAndWriteNothing() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "模糊小学");
		String plan = AccessFixture.write(this.graphQl, "createPlan", Map.of("regionCode", county, "title", "模糊计划",
				"startYear", 2025, "endYear", 2027));
		Map<String, Map<String, Object>> valid = Map.of(
				"createSchool", Map.of("code", TestData.schoolCode(), "name", "模糊二小", "stage", "PRIMARY", "locality", "TOWN",
						"regionCode", county),
				"createTeacher", Map.of("schoolId", school, "name", "模糊老师", "gender", "FEMALE", "birthYear", 1988,
						"highestDegree", "BACHELOR", "joinedSchoolOn", "2012-09-01", "trainingHours", 200),
				"addMilestone", Map.of("planId", plan, "title", "模糊节点", "dueOn", "2026-06-30", "progress", 10),
				"addTarget", Map.of("planId", plan, "measure", "模糊指标", "targetValue", 5, "deadline", "2026-12-31"),
				"createPlan", Map.of("regionCode", county, "title", "模糊计划二", "startYear", 2025, "endYear", 2026));
		Random random = new Random(20261122L);
		List<String> mutations = new ArrayList<>(valid.keySet());
		mutations.sort(null);
		List<String> problems = new ArrayList<>();
		int written = 0;
		for (int i = 0; i < 400; i++) {
			String mutation = mutations.get(random.nextInt(mutations.size()));
			Map<String, Object> input = new HashMap<>(valid.get(mutation));
			if ("createSchool".equals(mutation)) {
				input.put("code", TestData.schoolCode());
			}
			List<String> fields = new ArrayList<>(input.keySet());
			fields.sort(null);
			int changes = 1 + random.nextInt(2);
			for (int c = 0; c < changes; c++) {
				String field = fields.get(random.nextInt(fields.size()));
				Object value = HOSTILE.get(random.nextInt(HOSTILE.size()));
				input.put(field, value);
			}
			long before = auditEntries();
			List<ResponseError> errors = new ArrayList<>();
			this.graphQl.documentName("access/" + mutation).variable("input", input).execute()
				.errors().satisfy(errors::addAll);
			long after = auditEntries();
			if (errors.isEmpty()) {
				written++;
				if (after == before) {
					problems.add(mutation + " " + input + ": succeeded without writing");
				}
				continue;
			}
			for (ResponseError error : errors) {
				String kind = String.valueOf(error.getExtensions().get("classification"));
				String message = String.valueOf(error.getMessage());
				if (!CLIENT_ERRORS.contains(kind) || message.contains("Exception") || message.contains("select ")
						|| message.contains("at org.")) {
					problems.add(mutation + " " + input + ": " + kind + " " + message);
				}
			}
			if (after != before) {
				problems.add(mutation + " " + input + ": refused but wrote " + (after - before) + " rows");
			}
		}
		assertThat(problems).isEmpty();
		// The property is about refusals; make sure the generator also produced acceptable inputs.
		assertThat(written).isGreaterThan(10);
	}

	private long auditEntries() {
		return this.db.sql("select count(*) from audit_entry").map((row) -> row.get(0, Long.class)).one().block();
	}

}
