package org.junheng.exchange;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junheng.GraphQlAssertions.refused;

/** Teacher exchanges (交流轮岗) and school pairings (结对帮扶). */
@EndToEndTest
class ExchangeGraphTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void demoCountyExchangesTenPercentOrMoreWithBackboneTeachersAmongThem() {
		String query = "query($filter: ExchangeFilter) { exchanges(first: 100, filter: $filter) { totalCount edges { node { teacher { backboneLevel } fromSchool { locality } } } } }";
		GraphQlTester.Response response = this.graphQl.document(query)
			.variable("filter", Map.of("regionCode", "511921", "schoolYear", 2026)).execute();
		int exchanged = response.errors().verify().path("exchanges.totalCount").entity(Integer.class).get();
		assertThat(exchanged).isGreaterThan(150);
		assertThat(response.path("exchanges.edges[*].node.fromSchool.locality").entityList(String.class).get())
			.doesNotContain("RURAL");
		assertThat(response.path("exchanges.edges[?(@.node.teacher.backboneLevel != 'NONE')]").entityList(Object.class).get())
			.isNotEmpty();
		this.graphQl.document(query).variable("filter", Map.of("regionCode", "511921", "schoolYear", 2025, "status", java.util.List.of("ACTIVE")))
			.execute().path("exchanges.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void anExchangeLeavesTheTeachersSchoolByDefault() {
		String county = TestData.county(this.graphQl);
		String from = TestData.school(this.graphQl, county, "城区小学");
		String to = TestData.school(this.graphQl, county, "村小");
		String teacher = TestData.teacher(this.graphQl, from, "钱老师");
		String id = create(exchange(teacher, to)).errors().verify()
			.path("createExchange.fromSchool.id").entity(String.class).isEqualTo(from)
			.path("createExchange.status").entity(String.class).isEqualTo("PLANNED")
			.path("createExchange.teacher.exchanges").entityList(Object.class).hasSize(1)
			.path("createExchange.id").entity(String.class).get();
		this.graphQl.document("query($school: ID) { exchanges(filter: { schoolId: $school }) { totalCount } }").variable("school", to)
			.execute().path("exchanges.totalCount").entity(Integer.class).isEqualTo(1);
		String update = "mutation($input: UpdateExchangeInput!) { updateExchange(input: $input) { status version } }";
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "status", "ACTIVE")).execute()
			.errors().verify().path("updateExchange.version").entity(Integer.class).isEqualTo(1);
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 0, "status", "CANCELLED")).execute()
			.errors().satisfy(refused("CONFLICT", "input.version"));
		this.graphQl.document(update).variable("input", Map.of("id", id, "version", 1, "endsOn", "2026-01-01")).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.endsOn"));
	}

	@Test
	void impossibleExchangesAreRefusedAndNothingIsWritten() {
		String county = TestData.county(this.graphQl);
		String from = TestData.school(this.graphQl, county, "甲校");
		String to = TestData.school(this.graphQl, county, "乙校");
		String teacher = TestData.teacher(this.graphQl, from, "孙老师");
		create(with(exchange(teacher, to), "endsOn", "2026-08-31")).errors().satisfy(refused("BAD_REQUEST", "input.endsOn"));
		create(exchange(teacher, from)).errors().satisfy(refused("BAD_REQUEST", "input.toSchoolId"));
		create(with(exchange(teacher, to), "startsOn", "2026-06-01")).errors().satisfy(refused("BAD_REQUEST", "input.startsOn"));
		create(exchange("VGVhY2hlcjo5OTk5OTk5OQ", to)).errors().satisfy(refused("NOT_FOUND", "input.teacherId"));
		create(exchange(teacher, "U2Nob29sOjk5OTk5OTk5")).errors().satisfy(refused("NOT_FOUND", "input.toSchoolId"));
		this.graphQl.document("query($t: ID) { exchanges(filter: { teacherId: $t }) { totalCount } }").variable("t", teacher)
			.execute().path("exchanges.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void pairingsLinkALeadAndASupportedSchool() {
		String county = TestData.county(this.graphQl);
		String lead = TestData.school(this.graphQl, county, "强校");
		String supported = TestData.school(this.graphQl, county, "弱校");
		String create = "mutation($input: CreatePairingInput!) { createPairing(input: $input) { id mode leadSchool { id } supportedSchool { pairings { id } } } }";
		Map<String, Object> input = Map.of("leadSchoolId", lead, "supportedSchoolId", supported, "mode", "ENTRUSTED_MANAGEMENT",
				"startsOn", "2026-09-01", "endsOn", "2029-07-31", "goals", "托管三年");
		String id = this.graphQl.document(create).variable("input", input).execute().errors().verify()
			.path("createPairing.leadSchool.id").entity(String.class).isEqualTo(lead)
			.path("createPairing.supportedSchool.pairings").entityList(Object.class).hasSize(1)
			.path("createPairing.id").entity(String.class).get();
		this.graphQl.document(create).variable("input", with(input, "supportedSchoolId", lead)).execute()
			.errors().satisfy(refused("BAD_REQUEST", "input.supportedSchoolId"));
		this.graphQl.document("query($r: String) { pairings(regionCode: $r) { id goals } }").variable("r", county).execute()
			.path("pairings[*].id").entityList(String.class).containsExactly(id);
		this.graphQl.document("mutation($input: UpdatePairingInput!) { updatePairing(input: $input) { goals version } }")
			.variable("input", Map.of("id", id, "version", 0, "goals", "托管并共享课程")).execute()
			.errors().verify().path("updatePairing.version").entity(Integer.class).isEqualTo(1);
	}

	private GraphQlTester.Response create(Map<String, Object> input) {
		return this.graphQl.documentName("createExchange").variable("input", input).execute();
	}

	private static Map<String, Object> exchange(String teacherId, String toSchoolId) {
		return new HashMap<>(Map.of("teacherId", teacherId, "toSchoolId", toSchoolId, "schoolYear", 2026, "kind", "SUPPORT_TEACHING",
				"startsOn", "2026-09-01", "endsOn", "2027-07-10"));
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(map);
		copy.put(key, value);
		return copy;
	}

}
