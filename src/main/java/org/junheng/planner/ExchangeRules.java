package org.junheng.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junheng.indicator.ExchangeScenario;
import org.junheng.system.Text;

/**
 * The hard rules checked on a set of moves, each from the moves themselves rather than from how
 * they were found: what a proposal reports and what an accepted choice is held to.
 */
final class ExchangeRules {

	private ExchangeRules() {
	}

	static List<RuleCheck> check(County county, List<ProposedMove> moves, String regionCode) {
		ExchangeScenario scenario = county.scenario();
		int exchanged = scenario.exchangedTeachers() + moves.size();
		int backbone = scenario.backboneExchanged() + (int) moves.stream().filter(ProposedMove::backbone).count();
		int eligible = scenario.eligibleTeachers();
		List<RuleCheck> checks = new ArrayList<>();
		boolean ratio = eligible == 0 || ExchangeScenario.reaches((double) exchanged / eligible, scenario.exchangeRatio());
		checks.add(new RuleCheck(ExchangeRule.EXCHANGE_RATIO, ratio, Text.of("planner.ruleRatio", exchanged, eligible,
				percent(eligible > 0 ? (double) exchanged / eligible : 0), percent(scenario.exchangeRatio()))));
		boolean share = exchanged == 0 || ExchangeScenario.reaches((double) backbone / exchanged, scenario.backboneShare());
		checks.add(new RuleCheck(ExchangeRule.BACKBONE_SHARE, share, Text.of("planner.ruleShare", backbone, exchanged,
				percent(exchanged > 0 ? (double) backbone / exchanged : 0), percent(scenario.backboneShare()))));
		Set<Long> teachers = new HashSet<>();
		moves.forEach((move) -> teachers.add(move.teacherId()));
		checks.add(new RuleCheck(ExchangeRule.ONCE_PER_TEACHER, teachers.size() == moves.size(),
				Text.of("planner.ruleOnce", moves.size(), teachers.size())));
		long again = moves.stream().filter((move) -> scenario.teacher(move.teacherId()).exchanged()).count();
		checks.add(new RuleCheck(ExchangeRule.NOT_ALREADY_EXCHANGED, again == 0, Text.of("planner.ruleNotAgain", again)));
		List<String> lost = specialistsLost(county, moves);
		checks.add(new RuleCheck(ExchangeRule.KEEPS_SPECIALISTS, lost.isEmpty(), lost.isEmpty() ? Text.of("planner.ruleKeepsAll")
				: Text.of("planner.ruleKeepsNot", String.join(", ", lost))));
		long outside = moves.stream()
			.filter((move) -> !county.schools().containsKey(move.fromSchoolId()) || !county.schools().containsKey(move.toSchoolId()))
			.count();
		checks.add(new RuleCheck(ExchangeRule.IN_SCOPE, outside == 0, Text.of("planner.ruleInScope", regionCode, outside)));
		return List.copyOf(checks);
	}

	/** Schools (by name) with the subject they would have no teacher of their own left for. */
	static List<String> specialistsLost(County county, List<ProposedMove> moves) {
		ExchangeScenario scenario = county.scenario();
		int[][] staying = new int[scenario.schools().size()][];
		for (int i = 0; i < staying.length; i++) {
			staying[i] = county.specialists(i).clone();
		}
		for (ProposedMove move : moves) {
			int school = scenario.schoolIndex(move.fromSchoolId());
			if (school >= 0) {
				for (int subject : County.subjects(scenario.teacher(move.teacherId()))) {
					staying[school][subject]--;
				}
			}
		}
		List<String> lost = new ArrayList<>();
		String[] names = { "MUSIC", "ART", "PE" };
		for (int i = 0; i < staying.length; i++) {
			for (int subject = 0; subject < 3; subject++) {
				if (county.specialists(i)[subject] > 0 && staying[i][subject] <= 0) {
					lost.add(scenario.schools().get(i).name() + " " + names[subject]);
				}
			}
		}
		return lost;
	}

	/**
	 * Why no moves can meet the exchange rules, before any search: too few teachers may move to
	 * reach the ratio, or too few backbone teachers to reach the share at any size the ratio
	 * allows. Null when the rules may be met; the search finds out for certain.
	 */
	static RuleCheck infeasibility(County county, List<Candidate> candidates) {
		ExchangeScenario scenario = county.scenario();
		int exchanged = scenario.exchangedTeachers();
		// A school's last specialist of a subject never moves; counting every other candidate as
		// movable may count too many (two of two music teachers), never too few.
		List<Candidate> movable = candidates.stream().filter((c) -> !lastSpecialist(county, c)).toList();
		int backboneMovable = (int) movable.stream().filter((c) -> c.teacher().backbone()).count();
		int most = Math.min(movable.size(), county.maxMoves());
		if (exchanged + most < county.required()) {
			return new RuleCheck(ExchangeRule.EXCHANGE_RATIO, false, Text.of("planner.infeasibleRatio", scenario.eligibleTeachers(),
					county.required(), percent(scenario.exchangeRatio()), exchanged, most));
		}
		int smallest = Math.max(county.required(), exchanged);
		for (int total = smallest; total <= exchanged + most; total++) {
			int backbone = scenario.backboneExchanged() + Math.min(backboneMovable, total - exchanged);
			if (backbone >= county.backboneNeeded(total)) {
				return null;
			}
		}
		return new RuleCheck(ExchangeRule.BACKBONE_SHARE, false, Text.of("planner.infeasibleShare", percent(scenario.backboneShare()),
				smallest, county.backboneNeeded(smallest), scenario.backboneExchanged(), backboneMovable));
	}

	private static boolean lastSpecialist(County county, Candidate candidate) {
		for (int subject : County.subjects(candidate.teacher())) {
			if (county.specialists(candidate.home().index())[subject] <= 1) {
				return true;
			}
		}
		return false;
	}

	static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.1f", ratio * 100);
	}

}
