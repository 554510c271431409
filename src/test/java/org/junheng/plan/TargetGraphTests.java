package org.junheng.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junheng.GraphQlAssertions.refused;

/** Targets that track themselves, and milestones achieved when their target is met. */
@EndToEndTest
class TargetGraphTests {

	private static final String ADD_TARGET = "mutation($input: AddTargetInput!) { addTarget(input: $input) { id version"
			+ " progress { current baseline target fraction met source } } }";

	private static final String ADD_MILESTONE = "mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id status achievedOn target { id } } }";

	private static final String MILESTONE = "query($id: ID!) { node(id: $id) { ... on Milestone { status progress achievedOn } } }";

	@Autowired
	private HttpGraphQlTester graphQl;

	private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@Test
	void aReportedValueThatMeetsTheTargetAchievesItsMilestone() {
		String plan = plan(TestData.county(this.graphQl));
		String target = this.graphQl.document(ADD_TARGET).variable("input", Map.of("planId", plan, "measure", "引进骨干教师", "unit", "名",
				"baseline", 0, "targetValue", 10, "deadline", "2027-12-31")).execute()
			.errors().verify()
			.path("addTarget.progress.current").valueIsNull()
			.path("addTarget.progress.met").valueIsNull()
			.path("addTarget.id").entity(String.class).get();
		String milestone = addMilestone(plan, target).path("addMilestone.status").entity(String.class).isEqualTo("PLANNED")
			.path("addMilestone.id").entity(String.class).get();
		String update = "mutation($input: UpdateTargetInput!) { updateTarget(input: $input) { version progress { current fraction met } } }";
		this.graphQl.document(update).variable("input", Map.of("id", target, "version", 0, "currentValue", 4)).execute()
			.errors().verify()
			.path("updateTarget.progress.fraction").entity(Double.class).isEqualTo(0.4)
			.path("updateTarget.progress.met").entity(Boolean.class).isEqualTo(false);
		this.graphQl.document(MILESTONE).variable("id", milestone).execute().path("node.status").entity(String.class).isEqualTo("PLANNED");
		this.graphQl.document(update).variable("input", Map.of("id", target, "version", 1, "currentValue", 10)).execute()
			.errors().verify()
			.path("updateTarget.progress.met").entity(Boolean.class).isEqualTo(true);
		this.graphQl.document(MILESTONE).variable("id", milestone).execute()
			.path("node.status").entity(String.class).isEqualTo("ACHIEVED")
			.path("node.progress").entity(Integer.class).isEqualTo(100)
			.path("node.achievedOn").entity(String.class).isEqualTo(this.today);
	}

	@Test
	void indicatorTargetsReadTheDataAndFollowItsChanges() {
		String county = TestData.county(this.graphQl);
		String school = TestData.school(this.graphQl, county, "目标小学");
		conditions(school, 1500, null);
		String plan = plan(county);
		// Equal schools: CV 0, met at once, counting downward from the baseline.
		String cvTarget = this.graphQl.document(ADD_TARGET).variable("input", Map.of("planId", plan, "measure", "生均教学用房差异系数",
				"baseline", 0.4, "targetValue", 0.3, "deadline", "2027-12-31", "scope", "REGION_CV", "indicatorCode", "TEACHING_AREA",
				"regionCode", county, "stage", "PRIMARY", "schoolYear", 2026)).execute()
			.errors().verify()
			.path("addTarget.progress.current").entity(Double.class).isEqualTo(0.0)
			.path("addTarget.progress.met").entity(Boolean.class).isEqualTo(true)
			.path("addTarget.id").entity(String.class).get();
		addMilestone(plan, cvTarget).path("addMilestone.status").entity(String.class).isEqualTo("ACHIEVED")
			.path("addMilestone.achievedOn").entity(String.class).isEqualTo(this.today);
		// 1,500 m² for 300 students is 5 per student; the target is 6.
		String schoolTarget = this.graphQl.document(ADD_TARGET).variable("input", with(Map.of("planId", plan, "measure", "生均教学及辅助用房面积",
				"unit", "m²", "baseline", 5, "targetValue", 6, "deadline", "2027-12-31", "scope", "SCHOOL",
				"indicatorCode", "TEACHING_AREA", "schoolId", school, "stage", "PRIMARY"), "schoolYear", 2026)).execute()
			.errors().verify()
			.path("addTarget.progress.current").entity(Double.class).satisfies((v) -> assertThat(v).isCloseTo(5.0, within(1e-9)))
			.path("addTarget.progress.met").entity(Boolean.class).isEqualTo(false)
			.path("addTarget.id").entity(String.class).get();
		String milestone = addMilestone(plan, schoolTarget).path("addMilestone.status").entity(String.class).isEqualTo("PLANNED")
			.path("addMilestone.id").entity(String.class).get();
		conditions(school, 2100, 0);
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> this.graphQl.document(MILESTONE).variable("id", milestone)
			.execute().path("node.status").entity(String.class).isEqualTo("ACHIEVED"));
		this.graphQl.document("query($id: ID!) { node(id: $id) { ... on Target { progress { current fraction met } school { id } } } }")
			.variable("id", schoolTarget).execute()
			.path("node.progress.current").entity(Double.class).satisfies((v) -> assertThat(v).isCloseTo(7.0, within(1e-9)))
			.path("node.progress.fraction").entity(Double.class).satisfies((v) -> assertThat(v).isCloseTo(2.0, within(1e-9)))
			.path("node.school.id").entity(String.class).isEqualTo(school);
	}

	@Test
	void targetsThatCannotBeMeasuredAreRefused() {
		String county = TestData.county(this.graphQl);
		String plan = plan(county);
		Map<String, Object> base = Map.of("planId", plan, "measure", "指标", "targetValue", 1, "deadline", "2027-12-31");
		addTarget(with(with(with(base, "scope", "SCHOOL"), "indicatorCode", "TEACHING_AREA"), "schoolYear", 2026))
			.errors().satisfy(refused("BAD_REQUEST", "input.schoolId"));
		addTarget(with(with(with(with(base, "scope", "REGION_MEAN"), "indicatorCode", "NO_SUCH"), "regionCode", county), "stage", "PRIMARY"))
			.errors().satisfy((errors) -> assertThat(errors).extracting((e) -> e.getExtensions().get("field")).contains("input.indicatorCode"));
		addTarget(with(base, "indicatorCode", "TEACHING_AREA")).errors().satisfy(refused("BAD_REQUEST", "input.scope"));
		String otherPlansTarget = this.graphQl.document(ADD_TARGET).variable("input", with(base, "planId", plan(county))).execute()
			.path("addTarget.id").entity(String.class).get();
		this.graphQl.document(ADD_MILESTONE).variable("input", Map.of("planId", plan, "title", "节点", "dueOn", "2026-12-31",
				"targetId", otherPlansTarget)).execute()
			.errors().satisfy(refused("NOT_FOUND", "input.targetId"));
	}

	@Test
	void theSeedPlansRecruitmentMilestoneIsTiedToItsMetTarget() {
		this.graphQl.document("{ plans(filter: { regionCode: \"511921\", year: 2024 }) { edges { node { milestones { title target { measure progress { met current } } } } } } }")
			.execute().errors().verify()
			.path("plans.edges[0].node.milestones[?(@.title == '教师培训与引进')].target.measure").entityList(String.class).containsExactly("引进高素质教师")
			.path("plans.edges[0].node.milestones[?(@.title == '教师培训与引进')].target.progress.met").entityList(Boolean.class).containsExactly(true);
	}

	private GraphQlTester.Response addTarget(Map<String, Object> input) {
		return this.graphQl.document(ADD_TARGET).variable("input", input).execute();
	}

	private GraphQlTester.Response addMilestone(String plan, String target) {
		GraphQlTester.Response response = this.graphQl.document(ADD_MILESTONE)
			.variable("input", Map.of("planId", plan, "title", "达标", "dueOn", "2027-06-30", "targetId", target)).execute();
		response.errors().verify();
		return response;
	}

	private String plan(String county) {
		return this.graphQl.document("mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }")
			.variable("input", Map.of("regionCode", county, "title", "优质均衡推进计划", "startYear", 2026, "endYear", 2027)).execute()
			.errors().verify().path("createPlan.id").entity(String.class).get();
	}

	/** 300 students in 2026 with the given teaching area. */
	private void conditions(String school, int teachingArea, Integer version) {
		Map<String, Object> input = new HashMap<>(Map.of("schoolId", school, "schoolYear", 2026,
				"studentsByGrade", List.of(50, 50, 50, 50, 50, 50), "classSizes", List.of(50, 50, 50, 50, 50, 50),
				"teachingArea", teachingArea, "sportsArea", 3000, "equipmentValue", 700000, "multimediaClassrooms", 8));
		if (version != null) {
			input.put("version", version);
		}
		this.graphQl.document("mutation($input: RecordSchoolConditionsInput!) { recordSchoolConditions(input: $input) { version } }")
			.variable("input", input).execute().errors().verify();
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(map);
		copy.put(key, value);
		return copy;
	}

}
