package org.junheng.planner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The planner on counties built by hand, against the real database: one whose best moves are
 * known, and one per hard rule where breaking the rule would serve the goals, so a proposal that
 * keeps it shows the rule holds. Searches are short (1 to 2 s, most end sooner).
 */
@EndToEndTest
class ExchangePlannerTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	/**
	 * Two schools of 300 pupils, 10 eligible teachers each; the strong one has 6 backbone teachers
	 * (2 per 100 pupils), the weak none: the backbone CV is 1.0. Moving k backbone teachers makes
	 * it |3 − k| / 3, so k ≥ 2 brings it under 0.50; nothing else changes a CV or a verdict
	 * (indicators 1 and 3 are 0 everywhere). The ratio asks 2 of 20, the share 1 backbone in 5.
	 * Best, with the fewest moves: exactly two backbone teachers from the strong school to the
	 * weak one (CV 1/3, 1.33 and 0.67 per 100 pupils), nothing else.
	 */
	@Test
	void theBestMovesOfAHandMadeCountyAreFound() {
		TestCounty county = new TestCounty(this.graphQl);
		String strong = county.school("强校");
		String weak = county.school("弱校");
		for (int i = 0; i < 6; i++) {
			county.backbone(strong);
		}
		county.teachers(strong, 4);
		county.teachers(weak, 10);
		GraphQlTester.Response response = county.propose(2);
		assertHardRulesKept(response);
		response.path("exchangeProposal.feasible").entity(Boolean.class).isEqualTo(true)
			.path("exchangeProposal.infeasibleRule").valueIsNull()
			.path("exchangeProposal.moves[*].backbone").entityList(Boolean.class).containsExactly(true, true)
			.path("exchangeProposal.moves[*].fromSchool.id").entityList(String.class).containsExactly(strong, strong)
			.path("exchangeProposal.moves[*].toSchool.id").entityList(String.class).containsExactly(weak, weak)
			.path("exchangeProposal.moves[*].kind").entityList(String.class).containsExactly("ROTATION", "ROTATION");
		assertThat(cv(response, "before", "BACKBONE_TEACHERS")).isCloseTo(1.0, within(1e-9));
		assertThat(cv(response, "after", "BACKBONE_TEACHERS")).isCloseTo(1.0 / 3, within(1e-9));
		response.path("exchangeProposal.after.stages[0].exchange.exchangedTeachers").entity(Integer.class).isEqualTo(2)
			.path("exchangeProposal.after.exchangeMet").entity(Boolean.class).isEqualTo(true)
			.path("exchangeProposal.before.exchangeMet").valueIsNull()
			.path("exchangeProposal.after.schools[*].stages[0].indicators[?(@.code == 'BACKBONE_TEACHERS')].value")
			.entityList(Double.class).satisfies((values) -> assertThat(values).hasSize(2)
				.anySatisfy((v) -> assertThat(v).isCloseTo(4.0 / 3, within(1e-9)))
				.anySatisfy((v) -> assertThat(v).isCloseTo(2.0 / 3, within(1e-9))));
		// The same seed on the same figures tries the same moves, and ends on the same answer.
		assertThat(county.propose(2).path("exchangeProposal.moves[*].teacher.id").entityList(String.class).get())
			.isEqualTo(response.path("exchangeProposal.moves[*].teacher.id").entityList(String.class).get());
	}

	/**
	 * The strong school's only music, art and PE teachers are three of its six backbone
	 * teachers: sending them would also even out indicator 3, which only the strong school meets.
	 * They stay; two other backbone teachers go.
	 */
	@Test
	void aSchoolNeverLosesItsLastMusicArtOrPeTeacher() {
		TestCounty county = new TestCounty(this.graphQl);
		String strong = county.school("强校");
		String weak = county.school("弱校");
		List<String> specialists = List.of(
				county.teacher(strong, Map.of("backboneLevel", "COUNTY", "musicSpecialist", true)),
				county.teacher(strong, Map.of("backboneLevel", "COUNTY", "artSpecialist", true)),
				county.teacher(strong, Map.of("backboneLevel", "COUNTY", "peSpecialist", true)));
		for (int i = 0; i < 3; i++) {
			county.backbone(strong);
		}
		county.teachers(strong, 4);
		county.teachers(weak, 10);
		GraphQlTester.Response response = county.propose(2);
		assertHardRulesKept(response);
		response.path("exchangeProposal.moves[*].teacher.id").entityList(String.class)
			.satisfies((moved) -> assertThat(moved).hasSize(2).doesNotContainAnyElementsOf(specialists));
	}

	/**
	 * The same county with its only backbone teachers its last specialists: no move can reach the
	 * backbone share without taking one, so the answer says the share cannot be met (before any
	 * search: a school's last specialist is never a teacher who may move), and takes none.
	 */
	@Test
	void whenOnlyLastSpecialistsCouldMeetTheShareTheAnswerSaysSo() {
		TestCounty county = new TestCounty(this.graphQl);
		String strong = county.school("强校");
		String weak = county.school("弱校");
		List<String> specialists = List.of(
				county.teacher(strong, Map.of("backboneLevel", "COUNTY", "musicSpecialist", true)),
				county.teacher(strong, Map.of("backboneLevel", "COUNTY", "peSpecialist", true)));
		county.teachers(strong, 8);
		county.teachers(weak, 10);
		GraphQlTester.Response response = county.propose(1);
		response.path("exchangeProposal.feasible").entity(Boolean.class).isEqualTo(false)
			.path("exchangeProposal.infeasibleRule").entity(String.class).isEqualTo("BACKBONE_SHARE")
			.path("exchangeProposal.explanation").entity(String.class)
			.isEqualTo("无法达到骨干教师占比：交流至少 2 名时其中骨干教师应至少 1 名（20.0%），已交流骨干教师 0 名，可再安排的骨干教师只有 0 名")
			.path("exchangeProposal.rules[?(@.rule == 'KEEPS_SPECIALISTS')].met").entityList(Boolean.class).containsExactly(true)
			.path("exchangeProposal.moves[*].teacher.id").entityList(String.class)
			.satisfies((moved) -> assertThat(moved).doesNotContainAnyElementsOf(specialists));
	}

	/**
	 * Three of the strong school's six backbone teachers already support the weak one this year
	 * (counted at home, and in the ratio): two of the other three are proposed.
	 */
	@Test
	void aTeacherAlreadyInAnExchangeThisYearIsNotProposedAgain() {
		TestCounty county = new TestCounty(this.graphQl);
		String strong = county.school("强校");
		String weak = county.school("弱校");
		List<String> supporting = List.of(county.backbone(strong), county.backbone(strong), county.backbone(strong));
		for (String teacher : supporting) {
			county.graphQl().documentName("createExchange")
				.variable("input", Map.of("teacherId", teacher, "toSchoolId", weak, "schoolYear", TestCounty.YEAR, "kind",
						"SUPPORT_TEACHING", "startsOn", "2026-09-01", "endsOn", "2027-07-10", "status", "PLANNED"))
				.execute().errors().verify();
		}
		for (int i = 0; i < 3; i++) {
			county.backbone(strong);
		}
		county.teachers(strong, 4);
		county.teachers(weak, 10);
		// 3 of 20 exchanged is over the default cap (12%) already: this county allows half.
		GraphQlTester.Response response = county.propose(Map.of("timeLimitSeconds", 2, "maxExchangeRatio", 0.5));
		assertHardRulesKept(response);
		response.path("exchangeProposal.before.stages[0].exchange.exchangedTeachers").entity(Integer.class).isEqualTo(3)
			.path("exchangeProposal.moves[*].teacher.id").entityList(String.class)
			.satisfies((moved) -> assertThat(moved).hasSize(2).doesNotContainAnyElementsOf(supporting));
	}

	/**
	 * A third school left out, and a weak school in the next county: the moves touch neither,
	 * though either would take a backbone teacher as gladly as the weak school.
	 */
	@Test
	void onlySchoolsOfTheRegionThatAreNotLeftOutAreTouched() {
		TestCounty county = new TestCounty(this.graphQl);
		String strong = county.school("强校");
		String weak = county.school("弱校");
		String leftOut = county.school("排除校");
		for (int i = 0; i < 6; i++) {
			county.backbone(strong);
		}
		county.teachers(strong, 4);
		county.teachers(weak, 10);
		county.teachers(leftOut, 10);
		TestCounty next = new TestCounty(this.graphQl);
		String outside = next.school("邻县弱校");
		next.teachers(outside, 10);
		GraphQlTester.Response response = county.propose(Map.of("timeLimitSeconds", 2, "leaveOutSchools", List.of(leftOut)));
		assertHardRulesKept(response);
		response.path("exchangeProposal.moves[*].toSchool.id").entityList(String.class)
			.satisfies((to) -> assertThat(to).isNotEmpty().containsOnly(weak))
			.path("exchangeProposal.moves[*].fromSchool.id").entityList(String.class)
			.satisfies((from) -> assertThat(from).doesNotContain(leftOut, outside));
	}

	@Test
	void aCountyWithoutBackboneTeachersIsToldTheShareCannotBeMet() {
		TestCounty county = new TestCounty(this.graphQl);
		county.teachers(county.school("甲校"), 10);
		county.teachers(county.school("乙校"), 10);
		GraphQlTester.Response response = county.propose(2);
		response.path("exchangeProposal.feasible").entity(Boolean.class).isEqualTo(false)
			.path("exchangeProposal.infeasibleRule").entity(String.class).isEqualTo("BACKBONE_SHARE")
			.path("exchangeProposal.solveMillis").entity(Integer.class).isEqualTo(0)
			.path("exchangeProposal.moves").entityList(Object.class).hasSize(0)
			.path("exchangeProposal.explanation").entity(String.class)
			.isEqualTo("无法达到骨干教师占比：交流至少 2 名时其中骨干教师应至少 1 名（20.0%），已交流骨干教师 0 名，可再安排的骨干教师只有 0 名");
		county.graphQl().mutate().header("Accept-Language", "en").build().documentName("exchangeProposal")
			.variable("code", county.code).variable("year", TestCounty.YEAR).execute().errors().verify()
			.path("exchangeProposal.explanation").entity(String.class)
			.isEqualTo("The backbone share cannot be met: of at least 2 exchanged, 1 must be backbone teachers (20.0%); 0 are,"
					+ " and only 0 more backbone teachers may be");
	}

	@Test
	void aCountyOfOneSchoolIsToldTheRatioCannotBeMet() {
		TestCounty county = new TestCounty(this.graphQl);
		String only = county.school("独校");
		county.backbone(only);
		county.teachers(only, 9);
		county.propose(2)
			.path("exchangeProposal.feasible").entity(Boolean.class).isEqualTo(false)
			.path("exchangeProposal.infeasibleRule").entity(String.class).isEqualTo("EXCHANGE_RATIO")
			.path("exchangeProposal.explanation").entity(String.class)
			.isEqualTo("无法达到交流轮岗比例：符合条件的 10 名教师中应交流至少 1 名（10.0%），已交流 0 名，可再安排的只有 0 名");
	}

	/** Every hard rule the proposal reports is met, and the moves show it themselves: no teacher twice. */
	static void assertHardRulesKept(GraphQlTester.Response response) {
		response.path("exchangeProposal.rules[*].rule").entityList(String.class)
			.containsExactly("EXCHANGE_RATIO", "BACKBONE_SHARE", "ONCE_PER_TEACHER", "NOT_ALREADY_EXCHANGED", "KEEPS_SPECIALISTS", "IN_SCOPE")
			.path("exchangeProposal.rules[*].met").entityList(Boolean.class).containsExactly(true, true, true, true, true, true)
			.path("exchangeProposal.feasible").entity(Boolean.class).isEqualTo(true)
			.path("exchangeProposal.moves[*].teacher.id").entityList(String.class)
			.satisfies((teachers) -> assertThat(teachers).doesNotHaveDuplicates());
		List<String> from = response.path("exchangeProposal.moves[*].fromSchool.id").entityList(String.class).get();
		List<String> to = response.path("exchangeProposal.moves[*].toSchool.id").entityList(String.class).get();
		for (int i = 0; i < from.size(); i++) {
			assertThat(to.get(i)).isNotEqualTo(from.get(i));
		}
	}

	static double cv(GraphQlTester.Response response, String when, String indicator) {
		return response.path("exchangeProposal." + when + ".stages[0].indicators[?(@.code == '" + indicator + "')].cv")
			.entityList(Double.class).get().get(0);
	}

}
