package org.junheng.planner;

import java.util.List;

import org.junheng.indicator.ScenarioJudgement;
import org.junheng.system.Text;

/**
 * The planner's answer: the moves, each hard rule checked, the figures before and after, and,
 * when the rules cannot all be met, the first that cannot with why ({@code explanation}).
 */
record Proposal(String id, String regionCode, int schoolYear, boolean feasible, ExchangeRule infeasibleRule, Text explanation,
		List<ProposedMove> moves, List<RuleCheck> rules, ScenarioJudgement before, ScenarioJudgement after, long solveMillis,
		int timeLimitSeconds, int seed, String score) {
}
