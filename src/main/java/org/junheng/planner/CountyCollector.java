package org.junheng.planner;

import java.util.function.Function;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.function.TriFunction;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintCollector;

import org.junheng.indicator.ScenarioTally;

/**
 * Gathers every candidate's move into one tally of the county, incrementally: a changed move is
 * taken back and added again, so each step the solver tries costs the two schools it touches
 * and one pass over the schools for the CVs, however many teachers move.
 */
final class CountyCollector implements BiConstraintCollector<Candidate, County, CountyCollector.Tally, Outcome> {

	static final class Tally {

		private County county;

		private ScenarioTally indicators;

		private int[][] specialists;

		private int lost;

		private int moves;

		private int backbone;

		Runnable add(Candidate candidate, County county) {
			// Every candidate comes here, moving or not, so the county is known before any move.
			if (this.county == null) {
				this.county = county;
				this.indicators = county.scenario().tally();
				this.specialists = new int[county.scenario().schools().size()][];
				for (int i = 0; i < this.specialists.length; i++) {
					this.specialists[i] = county.specialists(i).clone();
				}
			}
			Destination to = candidate.to();
			if (to == null) {
				return () -> {
				};
			}
			apply(candidate, to, 1);
			return () -> apply(candidate, to, -1);
		}

		private void apply(Candidate candidate, Destination to, int sign) {
			this.indicators.move(candidate.teacher(), to.index(), sign);
			this.moves += sign;
			this.backbone += candidate.teacher().backbone() ? sign : 0;
			int[] staying = this.specialists[candidate.home().index()];
			for (int subject : County.subjects(candidate.teacher())) {
				// A school with a specialist loses the subject when its last one leaves, and has it back when the move is undone.
				boolean before = staying[subject] > 0;
				staying[subject] -= sign;
				boolean after = staying[subject] > 0;
				this.lost += (before && !after) ? 1 : (!before && after) ? -1 : 0;
			}
		}

		Outcome outcome() {
			County county = this.county;
			if (county == null) {
				return null;
			}
			int exchanged = county.scenario().exchangedTeachers() + this.moves;
			int ratioShortfall = Math.max(0, county.required() - exchanged);
			int backboneShortfall = Math.max(0, county.backboneNeeded(exchanged) - county.scenario().backboneExchanged() - this.backbone);
			return new Outcome(this.lost, Math.max(0, this.moves - county.maxMoves()), ratioShortfall, backboneShortfall, this.moves,
					this.indicators.balance());
		}

	}

	@Override
	public Supplier<Tally> supplier() {
		return Tally::new;
	}

	@Override
	public TriFunction<Tally, Candidate, County, Runnable> accumulator() {
		return Tally::add;
	}

	@Override
	public Function<Tally, Outcome> finisher() {
		return Tally::outcome;
	}

}
