package org.junheng.planner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junheng.GraphQlAssertions.refused;

/**
 * Accepting a proposal: its moves become PLANNED exchanges in one audited transaction, all or
 * none; a proposal whose figures changed since is a CONFLICT; a bad move is a BAD_REQUEST naming
 * it; and only the region's ADMINs and PLANNERs propose and accept.
 */
@EndToEndTest
class ProposalAcceptanceTests {

	private static final String ACCEPT = "mutation($id: ID!, $moves: [AcceptedMove!]!) { acceptExchangeProposal(id: $id, moves: $moves)"
			+ " { id status kind schoolYear startsOn endsOn teacher { id } fromSchool { id } toSchool { id } } }";

	private static final String EXCHANGES = "query($code: String!) { region(code: $code) { balance(schoolYear: 2026, stage: PRIMARY)"
			+ " { exchange { exchangedTeachers met } } } }";

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@Test
	void acceptedMovesBecomePlannedExchangesAuditedAndTheProposalCannotBeAcceptedTwice() {
		TestCounty county = handMade();
		GraphQlTester.Response proposal = county.propose(2);
		String id = proposal.path("exchangeProposal.id").entity(String.class).get();
		List<String> teachers = proposal.path("exchangeProposal.moves[*].teacher.id").entityList(String.class).get();
		List<String> to = proposal.path("exchangeProposal.moves[*].toSchool.id").entityList(String.class).get();
		assertThat(teachers).hasSize(2);
		List<Map<String, Object>> moves = new ArrayList<>();
		for (int i = 0; i < teachers.size(); i++) {
			moves.add(Map.of("teacherId", teachers.get(i), "toSchoolId", to.get(i)));
		}
		county.graphQl().document(ACCEPT).variable("id", id).variable("moves", moves).execute().errors().verify()
			.path("acceptExchangeProposal[*].status").entityList(String.class).containsExactly("PLANNED", "PLANNED")
			.path("acceptExchangeProposal[*].kind").entityList(String.class).containsExactly("ROTATION", "ROTATION")
			.path("acceptExchangeProposal[*].startsOn").entityList(String.class).containsExactly("2026-09-01", "2026-09-01")
			.path("acceptExchangeProposal[*].teacher.id").entityList(String.class).isEqualTo(teachers)
			.path("acceptExchangeProposal[*].toSchool.id").entityList(String.class).isEqualTo(to);
		// The region's own judgement now counts them: the year's exchange meets both rules.
		county.graphQl().document(EXCHANGES).variable("code", county.code).execute().errors().verify()
			.path("region.balance.exchange.exchangedTeachers").entity(Integer.class).isEqualTo(2)
			.path("region.balance.exchange.met").entity(Boolean.class).isEqualTo(true);
		county.graphQl().document("query($code: String!) { auditTrail(filter: { regionCode: $code, operation: \"acceptExchangeProposal\" })"
				+ " { totalCount edges { node { entity change actor } } } }").variable("code", county.code).execute().errors().verify()
			.path("auditTrail.totalCount").entity(Integer.class).isEqualTo(2)
			.path("auditTrail.edges[*].node.entity").entityList(String.class).containsExactly("exchange", "exchange")
			.path("auditTrail.edges[*].node.change").entityList(String.class).containsExactly("INSERT", "INSERT");
		// The figures it was computed from have changed (two exchanges more): the same proposal is stale.
		county.graphQl().document(ACCEPT).variable("id", id).variable("moves", moves).execute()
			.errors().satisfy(refused("CONFLICT", "id"));
		county.graphQl().document(EXCHANGES).variable("code", county.code).execute()
			.path("region.balance.exchange.exchangedTeachers").entity(Integer.class).isEqualTo(2);
	}

	@Test
	void aBadMoveIsRefusedNamingItAndNothingIsArranged() {
		TestCounty county = handMade();
		String strong = county.school("另一强校");
		String teacher = county.backbone(strong);
		String music = county.teacher(strong, Map.of("musicSpecialist", true, "backboneLevel", "COUNTY"));
		String weak = county.school("另一弱校");
		String id = county.propose(1).path("exchangeProposal.id").entity(String.class).get();
		TestCounty other = new TestCounty(this.graphQl);
		String stranger = other.teacher(other.school("邻县学校"));
		Map<List<Map<String, Object>>, String> bad = Map.of(
				List.of(), "moves",
				List.of(Map.of("teacherId", "nonsense", "toSchoolId", weak)), "moves[0].teacherId",
				List.of(Map.of("teacherId", teacher, "toSchoolId", weak), Map.of("teacherId", teacher, "toSchoolId", weak)), "moves[1].teacherId",
				List.of(Map.of("teacherId", stranger, "toSchoolId", weak)), "moves[0].teacherId",
				List.of(Map.of("teacherId", teacher, "toSchoolId", strong)), "moves[0].toSchoolId",
				List.of(Map.of("teacherId", music, "toSchoolId", weak)), "moves");
		for (Map.Entry<List<Map<String, Object>>, String> move : bad.entrySet()) {
			county.graphQl().document(ACCEPT).variable("id", id).variable("moves", move.getKey()).execute()
				.errors().satisfy(refused("BAD_REQUEST", move.getValue()));
		}
		county.graphQl().document(ACCEPT).variable("id", "not-a-proposal").variable("moves", List.of(Map.of("teacherId", teacher, "toSchoolId", weak)))
			.execute().errors().satisfy(refused("BAD_REQUEST", "id"));
		county.graphQl().document(EXCHANGES).variable("code", county.code).execute()
			.path("region.balance.exchange.exchangedTeachers").entity(Integer.class).isEqualTo(0);
		// A good one still goes through on the same proposal.
		county.graphQl().document(ACCEPT).variable("id", id).variable("moves", List.of(Map.of("teacherId", teacher, "toSchoolId", weak)))
			.execute().errors().verify().path("acceptExchangeProposal[0].status").entity(String.class).isEqualTo("PLANNED");
	}

	@Test
	void onlyTheRegionsAdminsAndPlannersProposeAndAccept() {
		TestCounty county = new TestCounty(this.graphQl);
		// No backbone teacher: the answer needs no search.
		county.teachers(county.school("甲校"), 10);
		county.teachers(county.school("乙校"), 10);
		String query = "query($code: String!) { exchangeProposal(regionCode: $code, schoolYear: 2026) { id feasible } }";
		String id = as(Tokens.token("planner", List.of("PLANNER"), county.code, null)).document(query).variable("code", county.code)
			.execute().errors().verify().path("exchangeProposal.id").entity(String.class).get();
		as(Tokens.token("viewer", List.of("VIEWER"), county.code, null)).document(query).variable("code", county.code).execute()
			.errors().satisfy(refused("FORBIDDEN", "regionCode"));
		as(Tokens.token("other-planner", List.of("PLANNER"), "110000", null)).document(query).variable("code", county.code).execute()
			.errors().satisfy(refused("NOT_FOUND", "regionCode"));
		as(null).document(query).variable("code", county.code).execute().errors().satisfy(refused("UNAUTHORIZED", "regionCode"));
		String move = "[{ teacherId: \"VGVhY2hlcjox\", toSchoolId: \"U2Nob29sOjE\" }]";
		as(Tokens.token("viewer", List.of("VIEWER"), county.code, null))
			.document("mutation($id: ID!) { acceptExchangeProposal(id: $id, moves: " + move + ") { id } }").variable("id", id).execute()
			.errors().satisfy(refused("FORBIDDEN", "id"));
	}

	/** Two schools of 20 eligible teachers, six backbone teachers at one of them: two of them go (see ExchangePlannerTests). */
	private TestCounty handMade() {
		TestCounty county = new TestCounty(this.graphQl);
		String strong = county.school("强校");
		String weak = county.school("弱校");
		for (int i = 0; i < 6; i++) {
			county.backbone(strong);
		}
		county.teachers(strong, 4);
		county.teachers(weak, 10);
		return county;
	}

	private HttpGraphQlTester as(String token) {
		WebTestClient.Builder client = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30));
		if (token != null) {
			client.defaultHeader("Authorization", Tokens.bearer(token));
		}
		return HttpGraphQlTester.create(client.build());
	}

}
