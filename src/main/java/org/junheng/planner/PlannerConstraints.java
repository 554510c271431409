package org.junheng.planner;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

/**
 * The exchange rules and the planner's goals, most important first. Hard: no school loses its
 * last PE, music or art teacher of its own, and the moves stay within the cap on the year's
 * exchange (never broken: leaving a teacher home always keeps both); the year reaches the exchange ratio and the backbone
 * share (each teacher short counts). Soft, in order: teacher-indicator CVs over their thresholds
 * (how many, then by how much); judged school stages that pass; fewer moves; among as many
 * moves, more teacher indicators of judged stages met; and moves that follow a pairing, go from
 * stronger localities to weaker ones and stay in their district. The teacher indicators come from the county's tally, which judges
 * them as the graph does.
 */
public class PlannerConstraints implements ConstraintProvider {

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		UniConstraintStream<Outcome> county = factory.forEachIncludingUnassigned(Candidate.class)
			.join(County.class)
			.groupBy(new CountyCollector());
		return new Constraint[] {
				county.penalizeLong(hard(0), Outcome::specialistsLost).asConstraint("School keeps its PE, music and art teachers"),
				county.penalizeLong(hard(0), Outcome::overCap).asConstraint("Exchange within its cap"),
				county.penalizeLong(hard(1), (o) -> o.ratioShortfall() + o.backboneShortfall())
					.asConstraint("Exchange ratio and backbone share"),
				county.penalizeLong(soft(0), (o) -> o.balance().failingCvs()).asConstraint("Teacher CVs over their thresholds"),
				county.penalizeLong(soft(1), (o) -> o.balance().cvExcessMillionths()).asConstraint("Teacher CV excess"),
				county.rewardLong(soft(2), (o) -> o.balance().passingStages()).asConstraint("School stages passing"),
				factory.forEach(Candidate.class).penalizeLong(soft(3)).asConstraint("Moves"),
				county.rewardLong(soft(4), (o) -> o.balance().metTeacherIndicators()).asConstraint("Teacher indicators met"),
				factory.forEach(Candidate.class)
					.join(County.class)
					.penalizeLong(soft(5), (candidate, c) -> c.preference(candidate.home(), candidate.to()))
					.asConstraint("Preferred moves") };
	}

	private static BendableLongScore hard(int level) {
		return BendableLongScore.ofHard(ExchangePlan.HARD_LEVELS, ExchangePlan.SOFT_LEVELS, level, 1);
	}

	private static BendableLongScore soft(int level) {
		return BendableLongScore.ofSoft(ExchangePlan.HARD_LEVELS, ExchangePlan.SOFT_LEVELS, level, 1);
	}

}
