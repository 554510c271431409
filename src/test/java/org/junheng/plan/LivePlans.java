package org.junheng.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junheng.TestData;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Plans for live tests: 2025 to 2027, two open milestones due in 2027, changed over HTTP. */
final class LivePlans {

	private LivePlans() {
	}

	static String plan(GraphQlTester graphQl, String regionCode) {
		Map<String, Object> input = new HashMap<>();
		input.put("regionCode", regionCode);
		input.put("title", "实时测试规划");
		input.put("startYear", 2025);
		input.put("endYear", 2027);
		input.put("milestones", List.of(Map.of("title", "建设", "dueOn", "2027-03-31"), Map.of("title", "验收", "dueOn", "2027-09-30")));
		return graphQl.documentName("createPlan").variable("input", input).execute()
			.errors().verify()
			.path("createPlan.id").entity(String.class).get();
	}

	/** A fresh plan in a fresh county. */
	static String plan(GraphQlTester graphQl) {
		return plan(graphQl, TestData.county(graphQl));
	}

	/**
	 * The newest event's cursor, as a client reads it: subscribing after it sees every later
	 * change even when the subscription reaches the server after the change does.
	 */
	static String cursor(GraphQlTester graphQl) {
		return graphQl.document("{ milestoneEventsCursor }").execute().path("milestoneEventsCursor").entity(String.class).get();
	}

	/** The database key inside a global ID. */
	static long key(String globalId) {
		return Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(globalId)).split(":")[1]);
	}

	static List<String> milestones(GraphQlTester graphQl, String planId) {
		return graphQl.document("{ plan(id: \"" + planId + "\") { milestones { id } } }").execute()
			.path("plan.milestones[*].id").entityList(String.class).get();
	}

	/** Changes a milestone, reading its version first; returns the new version. */
	static int update(GraphQlTester graphQl, String milestoneId, Map<String, Object> changes) {
		int version = graphQl.document("{ node(id: \"" + milestoneId + "\") { ... on Milestone { version } } }").execute()
			.path("node.version").entity(Integer.class).get();
		Map<String, Object> input = new HashMap<>(changes);
		input.put("id", milestoneId);
		input.put("version", version);
		return graphQl.documentName("updateMilestone").variable("input", input).execute()
			.errors().verify()
			.path("updateMilestone.version").entity(Integer.class).get();
	}

}
