package org.junheng.planner;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * What the solver searches: the candidates and the county they move in. The score has two hard
 * levels (schools keep a PE, music and art teacher; the exchange ratio and backbone share) and
 * six soft ones, in the order the planner ranks its goals (see {@link PlannerConstraints}).
 */
@PlanningSolution(solutionCloner = ExchangePlanCloner.class)
class ExchangePlan {

	static final int HARD_LEVELS = 2;

	static final int SOFT_LEVELS = 6;

	@ProblemFactProperty
	private County county;

	@PlanningEntityCollectionProperty
	private List<Candidate> candidates;

	@PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
	private BendableLongScore score;

	ExchangePlan() {
	}

	ExchangePlan(County county, List<Candidate> candidates) {
		this.county = county;
		this.candidates = candidates;
	}

	County county() {
		return this.county;
	}

	List<Candidate> candidates() {
		return this.candidates;
	}

	BendableLongScore score() {
		return this.score;
	}

	void score(BendableLongScore score) {
		this.score = score;
	}

}
