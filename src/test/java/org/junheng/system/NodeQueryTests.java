package org.junheng.system;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.junheng.GraphQlAssertions.refused;

/** {@code node(id:)} fetches every kind of object by the global ID the graph gave it. */
@EndToEndTest
class NodeQueryTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void everyIdOfTheGraphRoundTripsThroughNode() {
		String ids = "{ region(code: \"511921\") { id schools(first: 1, filter: { stage: [JUNIOR] }) { edges { node { id pairings { id }"
				+ " teachers(first: 1) { edges { node { id } } } } } } plans { id milestones { id } targets { id } } }"
				+ " exchanges(first: 1) { edges { node { id } } } }";
		var response = this.graphQl.document(ids).execute().errors().verify();
		java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
		expected.put("region.id", "Region");
		expected.put("region.schools.edges[0].node.id", "School");
		expected.put("region.schools.edges[0].node.teachers.edges[0].node.id", "Teacher");
		expected.put("region.plans[0].id", "Plan");
		expected.put("region.plans[0].milestones[0].id", "Milestone");
		expected.put("region.plans[0].targets[0].id", "Target");
		expected.put("exchanges.edges[0].node.id", "Exchange");
		expected.forEach((path, type) -> {
			String id = response.path(path).entity(String.class).get();
			this.graphQl.document("query($id: ID!) { node(id: $id) { id __typename } }").variable("id", id).execute()
				.errors().verify()
				.path("node.__typename").entity(String.class).isEqualTo(type)
				.path("node.id").entity(String.class).isEqualTo(id);
		});
	}

	@Test
	void unknownIdsAreNullAndForeignIdsAreRefused() {
		this.graphQl.document("{ node(id: \"U2Nob29sOjk5OTk5OTk5\") { id } }").execute()
			.errors().verify().path("node").valueIsNull();
		this.graphQl.document("{ node(id: \"bm9wZTox\") { id } }").execute().errors().satisfy(refused("BAD_REQUEST", "id"));
		this.graphQl.document("{ node(id: \"%%%\") { id } }").execute().errors().satisfy(refused("BAD_REQUEST", "id"));
	}

}
