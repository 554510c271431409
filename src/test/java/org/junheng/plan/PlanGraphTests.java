package org.junheng.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junheng.GraphQlAssertions.refused;

/** Plans with their goals, tasks, milestones and targets: the seed-002 plan, writing plans, milestone rules. */
@EndToEndTest
class PlanGraphTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void demoCountyCarriesTheSeedPlanWithItsSevenDatedMilestones() {
		GraphQlTester.Response response = this.graphQl
			.document("{ plans(filter: { regionCode: \"511921\", year: 2024 }) { edges { node { title startYear endYear"
					+ " goals { position } tasks { title } milestones { title dueOn status }"
					+ " overdue: milestones(status: [OVERDUE]) { title } targets { measure targetValue deadline } } } } }")
			.execute();
		response.errors().verify()
			.path("plans.edges[0].node.startYear").entity(Integer.class).isEqualTo(2023)
			.path("plans.edges[0].node.endYear").entity(Integer.class).isEqualTo(2025)
			.path("plans.edges[0].node.goals").entityList(Object.class).hasSize(4)
			.path("plans.edges[0].node.targets").entityList(Object.class).hasSize(4)
			.path("plans.edges[0].node.milestones[*].dueOn").entityList(String.class)
			.containsExactly("2023-06-30", "2023-09-30", "2024-06-30", "2024-10-31", "2024-12-31", "2025-04-30", "2025-06-30")
			.path("plans.edges[0].node.overdue[*].title").entityList(String.class).containsExactly("基础设施建设", "调整与完善发展策略")
			.path("plans.edges[0].node.targets[?(@.measure == '引进高素质教师')].targetValue").entityList(Double.class)
			.containsExactly(10.0);
	}

	@Test
	void planIsWrittenWithEverythingInIt() {
		String county = TestData.county(this.graphQl);
		this.graphQl.documentName("createPlan").variable("input", plan(county)).execute()
			.errors().verify()
			.path("createPlan.status").entity(String.class).isEqualTo("DRAFT")
			.path("createPlan.region.code").entity(String.class).isEqualTo(county)
			.path("createPlan.goals[*].position").entityList(Integer.class).containsExactly(1, 2)
			.path("createPlan.tasks[0].responsibleUnits").entityList(String.class).containsExactly("县教育局基础教育股")
			.path("createPlan.milestones[*].title").entityList(String.class).containsExactly("调研", "验收")
			.path("createPlan.milestones[1].status").entity(String.class).isEqualTo("ACHIEVED")
			.path("createPlan.milestones[1].achievedOn").entity(String.class).isEqualTo("2026-03-01")
			.path("createPlan.milestones[1].progress").entity(Integer.class).isEqualTo(100)
			.path("createPlan.targets[0].targetValue").entity(Double.class).isEqualTo(0.4);
	}

	@Test
	void aPlanWithOneBadMilestoneIsRefusedWhole() {
		String county = TestData.county(this.graphQl);
		Map<String, Object> input = plan(county);
		input.put("milestones", List.of(Map.of("title", "调研", "dueOn", "2027-06-30"), Map.of("title", "太晚", "dueOn", "2029-01-31")));
		this.graphQl.documentName("createPlan").variable("input", input).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.milestones[1].dueOn"));
		input = plan(county);
		input.put("targets", List.of(Map.of("measure", " ", "targetValue", 1, "deadline", "2027-12-31")));
		this.graphQl.documentName("createPlan").variable("input", input).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.targets[0].measure"));
		input = plan(county);
		input.put("endYear", 2025);
		this.graphQl.documentName("createPlan").variable("input", input).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.endYear"));
		input = plan(TestData.regionCode());
		this.graphQl.documentName("createPlan").variable("input", input).execute()
			.errors().satisfy(refused("NOT_FOUND", "input.regionCode"));
		this.graphQl.documentName("plansOfRegion").variable("code", county).execute()
			.path("plans.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void milestonesMoveThroughTheirStatusesWithVersions() {
		String planId = createPlan();
		String id = this.graphQl.document("mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id version status } }")
			.variable("input", Map.of("planId", planId, "title", "建设多功能教室", "dueOn", "2027-06-30"))
			.execute()
			.errors().verify()
			.path("addMilestone.status").entity(String.class).isEqualTo("PLANNED")
			.path("addMilestone.id").entity(String.class).get();
		update(Map.of("id", id, "version", 0, "status", "IN_PROGRESS", "progress", 40)).errors().verify()
			.path("updateMilestone.progress").entity(Integer.class).isEqualTo(40)
			.path("updateMilestone.version").entity(Integer.class).isEqualTo(1);
		update(Map.of("id", id, "version", 0, "progress", 90)).errors().satisfy(refused("CONFLICT", "input.version")
			.andThen((errors) -> assertThat(errors).singleElement().extracting(ResponseError::getMessage)
				.isEqualTo("input.version：为 0，但该里程碑已是第 1 版；请重新加载后再试")));
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		update(Map.of("id", id, "version", 1, "status", "ACHIEVED")).errors().verify()
			.path("updateMilestone.achievedOn").entity(String.class).isEqualTo(today)
			.path("updateMilestone.progress").entity(Integer.class).isEqualTo(100)
			.path("updateMilestone.plan.id").entity(String.class).isEqualTo(planId);
		update(Map.of("id", id, "version", 2, "status", "IN_PROGRESS", "progress", 95)).errors().verify()
			.path("updateMilestone.achievedOn").valueIsNull();
	}

	@Test
	void badMilestoneChangesAreRefusedAndChangeNothing() {
		String planId = createPlan();
		String id = this.graphQl.document("{ plan(id: \"" + planId + "\") { milestones { id } } }").execute()
			.path("plan.milestones[0].id").entity(String.class).get();
		update(Map.of("id", id, "version", 0, "dueOn", "2030-01-01")).errors().satisfy(refused("BAD_REQUEST", "input.dueOn"));
		update(Map.of("id", id, "version", 0, "progress", 101)).errors().satisfy(refused("BAD_REQUEST", "input.progress"));
		update(Map.of("id", id, "version", 0, "progress", -1)).errors().satisfy(refused("BAD_REQUEST", "input.progress"));
		update(Map.of("id", id, "version", 0, "achievedOn", "2026-05-01")).errors().satisfy(refused("BAD_REQUEST", "input.achievedOn"));
		update(Map.of("id", id, "version", 0, "status", "ACHIEVED", "achievedOn", "2099-01-01"))
			.errors().satisfy(refused("BAD_REQUEST", "input.achievedOn"));
		update(Map.of("id", "TWlsZXN0b25lOjk5OTk5OTk", "version", 0)).errors().satisfy(refused("NOT_FOUND", "input.id"));
		this.graphQl.document("mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }")
			.variable("input", Map.of("planId", planId, "title", "太早", "dueOn", "2025-12-31")).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.dueOn"));
		this.graphQl.document("{ plan(id: \"" + planId + "\") { milestones { version progress dueOn } } }").execute()
			.path("plan.milestones[0].version").entity(Integer.class).isEqualTo(0)
			.path("plan.milestones[0].progress").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void shorteningAPlanMayNotStrandItsMilestones() {
		String planId = createPlan();
		this.graphQl.document("mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { endYear version } }")
			.variable("input", Map.of("id", planId, "version", 0, "endYear", 2026)).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.startYear"));
		this.graphQl.document("mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { endYear status version } }")
			.variable("input", Map.of("id", planId, "version", 0, "endYear", 2029, "status", "ACTIVE")).execute()
			.errors().verify()
			.path("updatePlan.endYear").entity(Integer.class).isEqualTo(2029)
			.path("updatePlan.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void targetsAreAddedAndUpdatedWithinThePlan() {
		String planId = createPlan();
		String id = this.graphQl.document("mutation($input: AddTargetInput!) { addTarget(input: $input) { id version plan { id } } }")
			.variable("input", Map.of("planId", planId, "measure", "生均教学仪器设备值", "unit", "元", "baseline", 1800,
					"targetValue", 2000, "deadline", "2027-12-31"))
			.execute().errors().verify()
			.path("addTarget.plan.id").entity(String.class).isEqualTo(planId)
			.path("addTarget.id").entity(String.class).get();
		String update = "mutation($input: UpdateTargetInput!) { updateTarget(input: $input) { targetValue version } }";
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "targetValue", 2200)).execute()
			.errors().verify().path("updateTarget.targetValue").entity(Double.class).isEqualTo(2200.0);
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "targetValue", 1)).execute()
			.errors().satisfy(refused("CONFLICT", "input.version"));
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 1, "deadline", "2031-01-01")).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.deadline"));
	}

	@Test
	void tasksAreAppendedAndChangedWithTheirVersions() {
		String planId = createPlan();
		String id = this.graphQl.document("mutation($input: AddTaskInput!) { addTask(input: $input) { id position version plan { id } } }")
			.variable("input", Map.of("planId", planId, "title", "建设教育资源共享平台", "responsibleUnits", List.of("县电化教育馆")))
			.execute().errors().verify()
			.path("addTask.position").entity(Integer.class).isEqualTo(2)
			.path("addTask.plan.id").entity(String.class).isEqualTo(planId)
			.path("addTask.id").entity(String.class).get();
		String update = "mutation($input: UpdateTaskInput!) { updateTask(input: $input) { title responsibleUnits version } }";
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "responsibleUnits", List.of("县电化教育馆", "各中心校")))
			.execute().errors().verify()
			.path("updateTask.title").entity(String.class).isEqualTo("建设教育资源共享平台")
			.path("updateTask.version").entity(Integer.class).isEqualTo(1);
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "title", "迟到的修改")).execute()
			.errors().satisfy(refused("CONFLICT", "input.version"));
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 1, "title", " ")).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.title"));
		this.graphQl.document("query($id: ID!) { node(id: $id) { __typename ... on PlanTask { responsibleUnits } } }").variable("id", id)
			.execute().path("node.responsibleUnits").entityList(String.class).containsExactly("县电化教育馆", "各中心校");
	}

	@Test
	void goalsAreReplacedWholeWithThePlan() {
		String planId = createPlan();
		String update = "mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { version goals { position description } } }";
		this.graphQl.document(update).variable("input", Map.of("id", planId, "version", 0, "goals", List.of("目标甲", " ")))
			.execute().errors().satisfy(refused("BAD_REQUEST", "input.goals[1]"));
		this.graphQl.document(update).variable("input", Map.of("id", planId, "version", 0, "goals", List.of("目标甲", "目标乙", "目标丙")))
			.execute().errors().verify()
			.path("updatePlan.version").entity(Integer.class).isEqualTo(1)
			.path("updatePlan.goals[*].description").entityList(String.class).containsExactly("目标甲", "目标乙", "目标丙")
			.path("updatePlan.goals[*].position").entityList(Integer.class).containsExactly(1, 2, 3);
	}

	private GraphQlTester.Response update(Map<String, Object> input) {
		return this.graphQl.documentName("updateMilestone").variable("input", input).execute();
	}

	private String createPlan() {
		return this.graphQl.documentName("createPlan").variable("input", plan(TestData.county(this.graphQl))).execute()
			.errors().verify()
			.path("createPlan.id").entity(String.class).get();
	}

	/** A 2026-2028 plan with two goals, a task, two milestones and a target. */
	private static Map<String, Object> plan(String regionCode) {
		Map<String, Object> input = new HashMap<>();
		input.put("regionCode", regionCode);
		input.put("title", "义务教育优质均衡发展实施方案（2026—2028年）");
		input.put("startYear", 2026);
		input.put("endYear", 2028);
		input.put("goals", List.of("校际差异系数小学不高于0.50", "县域通过国家督导评估"));
		input.put("tasks", List.of(Map.of("title", "制定资源配置标准", "responsibleUnits", List.of("县教育局基础教育股"))));
		input.put("milestones", List.of(Map.of("title", "调研", "dueOn", "2027-06-30"),
				Map.of("title", "验收", "dueOn", "2028-06-30", "status", "ACHIEVED", "achievedOn", "2026-03-01")));
		input.put("targets", List.of(Map.of("measure", "小学生均教学仪器设备值差异系数", "targetValue", 0.4, "deadline", "2028-12-31")));
		return input;
	}

}
