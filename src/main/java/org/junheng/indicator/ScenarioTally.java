package org.junheng.indicator;

import java.util.List;

/**
 * Moves added to and taken back from a scenario one at a time, as a local search tries them,
 * with the teacher indicators they lead to. Only the schools a move touches are judged again
 * ({@link SegmentEvaluation#again}); each stage's CVs are recomputed ({@link Balance#cv}) over
 * arrays of every judged school stage's value, kept up to date as schools are judged again.
 * Not thread-safe: one search owns it.
 */
public final class ScenarioTally {

	/** Indicators 1 to 3: the ones moving teachers changes. */
	private static final List<ResourceIndicator> TEACHER_INDICATORS = List.of(ResourceIndicator.QUALIFIED_TEACHERS,
			ResourceIndicator.BACKBONE_TEACHERS, ResourceIndicator.PE_ARTS_TEACHERS);

	private static final Segment[] STAGES = Segment.values();

	private final ExchangeScenario scenario;

	/** Per school: teachers, junior-college-or-higher, bachelor-or-higher, valid backbone, PE and arts added. */
	private final int[][] delta;

	private final boolean[] stale;

	/** Per school and segment: its place among its stage's judged school stages, or -1 when not judged. */
	private final int[][] slots;

	/** Per stage and judged school stage: students; per teacher indicator its value; whether it passes; indicators met. */
	private final int[] judged = new int[STAGES.length];

	private final double[][] students;

	private final double[][][] values;

	private final boolean[][] passing;

	private final int[][] met;

	ScenarioTally(ExchangeScenario scenario) {
		this.scenario = scenario;
		int schools = scenario.schoolCount();
		this.delta = new int[schools][5];
		this.stale = new boolean[schools];
		List<List<SegmentEvaluation>> first = scenario.evaluations();
		this.slots = new int[schools][];
		for (int i = 0; i < schools; i++) {
			this.slots[i] = new int[first.get(i).size()];
			for (int k = 0; k < this.slots[i].length; k++) {
				SegmentEvaluation evaluation = first.get(i).get(k);
				boolean judged = !evaluation.excluded() && evaluation.students() > 0;
				this.slots[i][k] = judged ? this.judged[evaluation.segment().ordinal()]++ : -1;
			}
		}
		this.students = new double[STAGES.length][];
		this.values = new double[STAGES.length][TEACHER_INDICATORS.size()][];
		this.passing = new boolean[STAGES.length][];
		this.met = new int[STAGES.length][];
		for (int s = 0; s < STAGES.length; s++) {
			this.students[s] = new double[this.judged[s]];
			for (int k = 0; k < TEACHER_INDICATORS.size(); k++) {
				this.values[s][k] = new double[this.judged[s]];
			}
			this.passing[s] = new boolean[this.judged[s]];
			this.met[s] = new int[this.judged[s]];
		}
		for (int i = 0; i < schools; i++) {
			record(i, first.get(i));
		}
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

	private void record(int school, List<SegmentEvaluation> evaluations) {
		for (int k = 0; k < evaluations.size(); k++) {
			int slot = this.slots[school][k];
			if (slot < 0) {
				continue;
			}
			SegmentEvaluation evaluation = evaluations.get(k);
			int s = evaluation.segment().ordinal();
			this.students[s][slot] = evaluation.students();
			int metHere = 0;
			for (int t = 0; t < TEACHER_INDICATORS.size(); t++) {
				IndicatorResult result = evaluation.indicators().get(TEACHER_INDICATORS.get(t).ordinal());
				// A judged stage has students, so every teacher indicator has a value.
				this.values[s][t][slot] = (result.value() != null) ? result.value() : 0;
				metHere += (result.status() == IndicatorResult.Status.MET) ? 1 : 0;
			}
			this.passing[s][slot] = evaluation.verdict() == Verdict.PASS;
			this.met[s][slot] = metHere;
		}
	}

	/** The teacher indicators with the moves added so far, by the rules {@link RegionJudgement} judges them. */
	public TeacherBalance balance() {
		Thresholds thresholds = this.scenario.thresholds();
		for (int i = 0; i < this.stale.length; i++) {
			if (this.stale[i]) {
				// Only the teacher indicators change as teachers move; the rest stay as first judged.
				List<SegmentFigures> segments = figures(i).segments();
				List<SegmentEvaluation> first = this.scenario.evaluations().get(i);
				SegmentEvaluation[] again = new SegmentEvaluation[segments.size()];
				for (int k = 0; k < again.length; k++) {
					again[k] = SegmentEvaluation.again(first.get(k), segments.get(k), thresholds, TEACHER_INDICATORS);
				}
				record(i, List.of(again));
				this.stale[i] = false;
			}
		}
		int failing = 0;
		long excess = 0;
		int passingStages = 0;
		int metIndicators = 0;
		for (int s = 0; s < STAGES.length; s++) {
			int n = this.judged[s];
			if (n == 0) {
				continue;
			}
			double limit = thresholds.value("RESOURCE_CV", STAGES[s]);
			for (int t = 0; t < TEACHER_INDICATORS.size(); t++) {
				Double cv = Balance.cv(this.values[s][t], this.students[s], n);
				if (cv != null && !Precision.atMost(cv, limit)) {
					failing++;
					excess += Math.max(1, Math.round((cv - limit) * 1_000_000));
				}
			}
			for (int slot = 0; slot < n; slot++) {
				passingStages += this.passing[s][slot] ? 1 : 0;
				metIndicators += this.met[s][slot];
			}
		}
		return new TeacherBalance(failing, excess, passingStages, metIndicators);
	}

}
