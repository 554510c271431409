package org.junheng.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves added to and taken back from a scenario one at a time, as a local search tries them,
 * with the teacher indicators they lead to. Only the two schools a move touches are judged
 * again; the CVs are recomputed over every school's cached judgement, which is a few
 * multiplications per school. Not thread-safe: one search owns it.
 */
public final class ScenarioTally {

	/** Indicators 1 to 3: the ones moving teachers changes. */
	private static final List<ResourceIndicator> TEACHER_INDICATORS = List.of(ResourceIndicator.QUALIFIED_TEACHERS,
			ResourceIndicator.BACKBONE_TEACHERS, ResourceIndicator.PE_ARTS_TEACHERS);

	private final ExchangeScenario scenario;

	/** Per school: teachers, junior-college-or-higher, bachelor-or-higher, valid backbone, PE and arts added. */
	private final int[][] delta;

	private final List<List<SegmentEvaluation>> evaluations;

	private final boolean[] stale;

	ScenarioTally(ExchangeScenario scenario) {
		this.scenario = scenario;
		int schools = scenario.schoolCount();
		this.delta = new int[schools][5];
		this.evaluations = new ArrayList<>(scenario.evaluations());
		this.stale = new boolean[schools];
	}

	/** Adds ({@code sign} 1) or takes back (-1) a teacher's move to the school at {@code toSchool} (an index). */
	public void move(ExchangeScenario.Teacher teacher, int toSchool, int sign) {
		int from = this.scenario.schoolIndex(teacher.schoolId());
		if (!this.scenario.rotationCountsAtReceiver() || from < 0 || toSchool < 0) {
			return;
		}
		add(from, teacher, -sign);
		add(toSchool, teacher, sign);
	}

	private void add(int school, ExchangeScenario.Teacher teacher, int sign) {
		int[] counts = this.delta[school];
		counts[0] += sign;
		counts[1] += teacher.associateOrAbove() ? sign : 0;
		counts[2] += teacher.bachelorOrAbove() ? sign : 0;
		counts[3] += teacher.backboneValid() ? sign : 0;
		counts[4] += teacher.peOrArts() ? sign : 0;
		this.stale[school] = true;
	}

	SchoolFigures figures(int school) {
		int[] d = this.delta[school];
		return this.scenario.figures(school).withTeachers(d[0], d[1], d[2], d[3], d[4]);
	}

	/** The teacher indicators with the moves added so far, by the rules {@link RegionJudgement} judges them. */
	public TeacherBalance balance() {
		Thresholds thresholds = this.scenario.thresholds();
		for (int i = 0; i < this.stale.length; i++) {
			if (this.stale[i]) {
				// Only the teacher indicators change as teachers move; the rest stay as first judged.
				List<SegmentFigures> segments = figures(i).segments();
				List<SegmentEvaluation> first = this.scenario.evaluations().get(i);
				List<SegmentEvaluation> again = new ArrayList<>(segments.size());
				for (int k = 0; k < segments.size(); k++) {
					again.add(SegmentEvaluation.again(first.get(k), segments.get(k), thresholds, TEACHER_INDICATORS));
				}
				this.evaluations.set(i, again);
				this.stale[i] = false;
			}
		}
		int failing = 0;
		long excess = 0;
		int passing = 0;
		int met = 0;
		for (Segment stage : Segment.values()) {
			List<SegmentEvaluation> judged = new ArrayList<>();
			for (List<SegmentEvaluation> school : this.evaluations) {
				for (SegmentEvaluation evaluation : school) {
					if (evaluation.segment() == stage && !evaluation.excluded() && evaluation.students() > 0) {
						judged.add(evaluation);
					}
				}
			}
			if (judged.isEmpty()) {
				continue;
			}
			double limit = thresholds.value("RESOURCE_CV", stage);
			for (ResourceIndicator indicator : TEACHER_INDICATORS) {
				List<Balance.Point> points = new ArrayList<>(judged.size());
				for (SegmentEvaluation evaluation : judged) {
					IndicatorResult result = evaluation.indicators().get(indicator.ordinal());
					if (result.value() != null) {
						points.add(new Balance.Point(result.value(), evaluation.students()));
					}
					met += (result.status() == IndicatorResult.Status.MET) ? 1 : 0;
				}
				Double cv = Balance.cv(points);
				if (cv != null && !Precision.atMost(cv, limit)) {
					failing++;
					excess += Math.max(1, Math.round((cv - limit) * 1_000_000));
				}
			}
			passing += (int) judged.stream().filter((e) -> e.verdict() == Verdict.PASS).count();
		}
		return new TeacherBalance(failing, excess, passing, met);
	}

}
