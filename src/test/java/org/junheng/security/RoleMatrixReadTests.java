package org.junheng.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.security.AccessFixture.Who;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query and subscription, as each role: allowed, filtered to the caller's scope, or refused.
 * Region-level data is public in this configuration; {@code PrivateDeploymentTests} turns it off.
 */
@EndToEndTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixReadTests {

	@Autowired
	private HttpGraphQlTester nationalAdmin;

	@LocalServerPort
	private int port;

	private AccessFixture world;

	@BeforeAll
	void buildTwoCities() {
		this.world = new AccessFixture(this.nationalAdmin, this.port);
	}

	@Test
	void schoolDataListsHoldOnlyTheCallersRegionOrSchool() {
		AccessFixture w = this.world;
		Map<String, String> lists = Map.of("schools", "schools", "teachers", "teachers", "exchanges", "exchanges");
		Map<String, List<String>> mine = Map.of("schools", List.of(w.school, w.neighbour), "teachers", List.of(w.teacher),
				"exchanges", List.of(w.exchange));
		Map<String, List<String>> theirs = Map.of("schools", List.of(w.otherSchool), "teachers", List.of(w.otherTeacher),
				"exchanges", List.of());
		for (String list : lists.keySet()) {
			refused(w.http(Who.ANONYMOUS).documentName("access/" + list).variable("code", w.province).execute(), "UNAUTHORIZED");
			for (Who who : List.of(Who.VIEWER, Who.PLANNER, Who.ADMIN)) {
				assertThat(ids(w.http(who), list, w.province)).as(list + " as " + who)
					.containsAll(mine.get(list)).noneMatch(theirs.get(list)::contains);
			}
			assertThat(ids(w.http(Who.OTHER_ADMIN), list, w.province)).as(list + " as the other city's admin")
				.containsAll(theirs.get(list)).noneMatch(mine.get(list)::contains);
		}
		assertThat(ids(w.http(Who.SCHOOL_ADMIN), "schools", w.province)).containsExactly(w.school);
		assertThat(ids(w.http(Who.SCHOOL_ADMIN), "teachers", w.province)).containsExactly(w.teacher);
		assertThat(ids(w.http(Who.SCHOOL_ADMIN), "exchanges", w.province)).containsExactly(w.exchange);
		for (Who who : List.of(Who.VIEWER, Who.SCHOOL_ADMIN, Who.ADMIN)) {
			assertThat(w.http(who).documentName("access/pairings").variable("code", w.province).execute()
				.errors().verify().path("pairings[*].id").entityList(String.class).get()).contains(w.pairing);
		}
		assertThat(w.http(Who.OTHER_ADMIN).documentName("access/pairings").variable("code", w.province).execute()
			.errors().verify().path("pairings[*].id").entityList(String.class).get()).doesNotContain(w.pairing);
		refused(w.http(Who.ANONYMOUS).documentName("access/pairings").variable("code", w.province).execute(), "UNAUTHORIZED");
	}

	@Test
	void lookupsOutsideTheScopeFindNothing() {
		AccessFixture w = this.world;
		for (Who who : List.of(Who.VIEWER, Who.PLANNER, Who.SCHOOL_ADMIN, Who.ADMIN)) {
			w.http(who).documentName("access/school").variable("id", w.school).execute().errors().verify()
				.path("school.id").entity(String.class).isEqualTo(w.school);
			w.http(who).documentName("access/node").variable("id", w.teacher).execute().errors().verify()
				.path("node.id").entity(String.class).isEqualTo(w.teacher);
		}
		w.http(Who.OTHER_ADMIN).documentName("access/school").variable("id", w.school).execute().errors().verify()
			.path("school").valueIsNull();
		for (String id : List.of(w.school, w.teacher, w.exchange, w.pairing)) {
			w.http(Who.OTHER_ADMIN).documentName("access/node").variable("id", id).execute().errors().verify()
				.path("node").valueIsNull();
			w.http(Who.ANONYMOUS).documentName("access/node").variable("id", id).execute().errors().verify()
				.path("node").valueIsNull();
		}
		w.http(Who.SCHOOL_ADMIN).documentName("access/school").variable("id", w.neighbour).execute().errors().verify()
			.path("school").valueIsNull();
		refused(w.http(Who.ANONYMOUS).documentName("access/school").variable("id", w.school).execute(), "UNAUTHORIZED");
	}

	@Test
	void publicRegionDataIsReadByEveryone() {
		AccessFixture w = this.world;
		for (Who who : Who.values()) {
			w.http(who).documentName("access/regions").variable("code", w.province).execute().errors().verify()
				.path("regions.edges[*].node.code").entityList(String.class).contains(w.county, w.otherCounty);
			w.http(who).documentName("access/region").variable("code", w.county).execute().errors().verify()
				.path("region.code").entity(String.class).isEqualTo(w.county);
			w.http(who).documentName("access/plans").variable("code", w.province).execute().errors().verify()
				.path("plans.edges[*].node.id").entityList(String.class).contains(w.plan, w.otherPlan);
			w.http(who).documentName("access/plan").variable("id", w.plan).execute().errors().verify()
				.path("plan.milestones[*].id").entityList(String.class).contains(w.milestone);
			w.http(who).documentName("access/node").variable("id", w.milestone).execute().errors().verify()
				.path("node.id").entity(String.class).isEqualTo(w.milestone);
			w.http(who).documentName("access/indicatorDefinitions").execute().errors().verify()
				.path("indicatorDefinitions").entityList(Object.class).hasSizeGreaterThan(6);
			w.http(who).documentName("access/thresholdSets").execute().errors().verify()
				.path("thresholdSets").entityList(Object.class).hasSizeGreaterThan(0);
			w.http(who).documentName("access/milestoneEventsCursor").execute().errors().verify()
				.path("milestoneEventsCursor").hasValue();
		}
	}

	@Test
	void personalFieldsAreNullWithAnErrorForThoseWhoMayNotReadThem() {
		AccessFixture w = this.world;
		for (Who who : List.of(Who.ADMIN, Who.SCHOOL_ADMIN)) {
			w.http(who).documentName("access/teacherPersonal").variable("id", w.teacher).execute().errors().verify()
				.path("node.name").entity(String.class).isEqualTo("李老师")
				.path("node.birthYear").entity(Integer.class).isEqualTo(1985);
		}
		for (Who who : List.of(Who.VIEWER, Who.PLANNER)) {
			GraphQlTester.Response response = w.http(who).documentName("access/teacherPersonal").variable("id", w.teacher).execute();
			response.errors().satisfy((errors) -> {
				assertThat(errors).hasSize(5).allSatisfy((error) -> {
					assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN");
					assertThat(error.getPath()).startsWith("node.");
				});
				assertThat(errors.stream().map(ResponseError::getPath)).containsExactlyInAnyOrder("node.name", "node.gender",
						"node.birthYear", "node.hasCertificate", "node.trainingHours");
			});
			response.path("node.id").entity(String.class).isEqualTo(w.teacher)
				.path("node.subjects").hasValue()
				.path("node.name").valueIsNull()
				.path("node.birthYear").valueIsNull();
		}
		// The other county's teacher is outside the school administrator's own school.
		w.http(Who.SCHOOL_ADMIN).documentName("access/teacherPersonal").variable("id", w.otherTeacher).execute()
			.errors().verify().path("node").valueIsNull();
	}

	@Test
	void theAuditTrailIsReadByAdminsWithinTheirRegionOnly() {
		AccessFixture w = this.world;
		List<Map<String, Object>> entries = auditOf(w.http(Who.ADMIN));
		assertThat(entries).isNotEmpty()
			.allSatisfy((entry) -> assertThat((String) entry.get("regionCode")).isIn(w.city, w.county))
			.anySatisfy((entry) -> assertThat(entry).containsEntry("operation", "createTeacher")
				.containsEntry("actor", "test-admin").containsEntry("change", "INSERT"));
		assertThat(auditOf(w.http(Who.OTHER_ADMIN)))
			.noneSatisfy((entry) -> assertThat((String) entry.get("regionCode")).isIn(w.city, w.county));
		for (Who who : List.of(Who.VIEWER, Who.PLANNER, Who.SCHOOL_ADMIN)) {
			refused(w.http(who).documentName("access/auditTrail").execute(), "FORBIDDEN");
		}
		refused(w.http(Who.ANONYMOUS).documentName("access/auditTrail").execute(), "UNAUTHORIZED");
	}

	/** An exchange proposal moves teachers of every school of the region: for its ADMINs and PLANNERs only. */
	@Test
	void exchangeProposalsAreForTheRegionsAdminsAndPlanners() {
		AccessFixture w = this.world;
		for (Who who : List.of(Who.ADMIN, Who.PLANNER)) {
			w.http(who).documentName("access/exchangeProposal").variable("code", w.county).execute().errors().verify()
				.path("exchangeProposal.id").hasValue();
		}
		refused(w.http(Who.VIEWER).documentName("access/exchangeProposal").variable("code", w.county).execute(), "FORBIDDEN");
		refused(w.http(Who.SCHOOL_ADMIN).documentName("access/exchangeProposal").variable("code", w.county).execute(), "FORBIDDEN");
		refused(w.http(Who.OTHER_ADMIN).documentName("access/exchangeProposal").variable("code", w.county).execute(), "NOT_FOUND");
		refused(w.http(Who.ANONYMOUS).documentName("access/exchangeProposal").variable("code", w.county).execute(), "UNAUTHORIZED");
	}

	@Test
	void planProgressIsFollowedByEveryRoleWhileRegionDataIsPublic() {
		for (Who who : Who.values()) {
			StepVerifier.create(this.world.webSocket(who).documentName("planProgress").variable("planId", this.world.plan)
					.executeSubscription().toFlux().take(1))
				.assertNext((response) -> assertThat(response.path("planProgress.milestones").entity(Integer.class).get())
					.isEqualTo(1))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void regionBalanceIsFollowedByEveryRoleWhileRegionDataIsPublic() {
		for (Who who : Who.values()) {
			StepVerifier.create(this.world.webSocket(who)
				.document("subscription($code: String!) { regionBalanceChanged(regionCode: $code, schoolYear: 2026) { region { code } balances { stage } } }")
				.variable("code", this.world.county)
				.executeSubscription().toFlux().take(1))
				.assertNext((response) -> assertThat(response.path("regionBalanceChanged.balances[*].stage").entityList(String.class).get())
					.containsExactly("PRIMARY", "JUNIOR"))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		}
	}

	private static List<Map<String, Object>> auditOf(HttpGraphQlTester tester) {
		return tester.documentName("access/auditTrail").execute().errors().verify()
			.path("auditTrail.edges[*].node").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
	}

	private static List<String> ids(HttpGraphQlTester tester, String list, String region) {
		return tester.documentName("access/" + list).variable("code", region).execute().errors().verify()
			.path(list + ".edges[*].node.id").entityList(String.class).get();
	}

	static void refused(GraphQlTester.Response response, String classification) {
		response.errors().satisfy((errors) -> assertThat(errors).isNotEmpty().allSatisfy((error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", classification);
			assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("select ");
		}));
	}

	static final Set<String> COVERED_QUERIES = Set.of("node", "regions", "region", "schools", "school", "teachers", "exchanges",
			"pairings", "plans", "plan", "indicatorDefinitions", "thresholdSets", "milestoneEventsCursor", "auditTrail", "imports",
			"import", "exchangeProposal");

	static final Set<String> COVERED_SUBSCRIPTIONS = Set.of("planProgress", "milestoneUpdates", "regionBalanceChanged");

}
