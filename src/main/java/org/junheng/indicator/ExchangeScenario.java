package org.junheng.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's schools and teachers for one school year as the indicators count them, with what
 * moving some teachers on rotations would make of the indicators: the exchange planner's view of
 * the figures. Everything it says is computed by the code the graph uses ({@link SegmentEvaluation},
 * {@link Balance}, {@link RegionJudgement}), from figures read once; it holds no connection.
 */
public final class ExchangeScenario {

	/**
	 * A teacher counted at one of the region's schools on 1 September. {@code backbone} is the
	 * level the exchange share counts (any level); {@code backboneValid} the backbone status the
	 * indicator counts (valid on that date); {@code exchanged} any exchange of the year that is not
	 * cancelled; {@code rotatingAway} such a rotation from the teacher's school.
	 */
	public record Teacher(long id, long schoolId, boolean eligible, boolean exchanged, boolean rotatingAway, boolean backbone,
			boolean backboneValid, boolean associateOrAbove, boolean bachelorOrAbove, boolean music, boolean art, boolean pe) {

		/** Whether the teacher counts for indicator 3 (PE, music or art). */
		public boolean peOrArts() {
			return this.music || this.art || this.pe;
		}

	}

	/** A school with conditions recorded for the year, and the stages it is judged in. */
	public record School(long id, String name, List<Segment> stages) {
	}

	/** A teacher sent on a rotation to another school of the region. */
	public record Move(long teacherId, long toSchoolId) {
	}

	private final int schoolYear;

	private final Thresholds thresholds;

	private final List<SchoolFigures> figures;

	private final List<School> schools;

	private final Map<Long, Integer> schoolIndex = new HashMap<>();

	private final List<Teacher> teachers;

	private final Map<Long, Teacher> teacherById = new HashMap<>();

	private final int[] exchangeCounts;

	/** Each school's stages judged as the figures are, for a tally to start from. */
	private final List<List<SegmentEvaluation>> evaluations;

	ExchangeScenario(int schoolYear, Thresholds thresholds, List<SchoolFigures> figures, List<Teacher> teachers, int[] exchangeCounts) {
		this.schoolYear = schoolYear;
		this.thresholds = thresholds;
		this.figures = List.copyOf(figures);
		List<School> schools = new ArrayList<>();
		for (SchoolFigures school : this.figures) {
			this.schoolIndex.put(school.schoolId(), schools.size());
			schools.add(new School(school.schoolId(), school.name(), school.segments().stream().map(SegmentFigures::segment).toList()));
		}
		this.schools = List.copyOf(schools);
		this.teachers = List.copyOf(teachers);
		this.teachers.forEach((teacher) -> this.teacherById.put(teacher.id(), teacher));
		this.exchangeCounts = exchangeCounts.clone();
		this.evaluations = this.figures.stream()
			.map((school) -> school.segments().stream().map((s) -> SegmentEvaluation.of(s, thresholds)).toList())
			.toList();
	}

	List<List<SegmentEvaluation>> evaluations() {
		return this.evaluations;
	}

	public int schoolYear() {
		return this.schoolYear;
	}

	public List<School> schools() {
		return this.schools;
	}

	/** The position of a school in {@link #schools()}, or -1 when it has no conditions for the year (or is not in the region). */
	public int schoolIndex(long schoolId) {
		return this.schoolIndex.getOrDefault(schoolId, -1);
	}

	public List<Teacher> teachers() {
		return this.teachers;
	}

	public Teacher teacher(long id) {
		return this.teacherById.get(id);
	}

	public int eligibleTeachers() {
		return this.exchangeCounts[0];
	}

	public int exchangedTeachers() {
		return this.exchangeCounts[1];
	}

	public int backboneExchanged() {
		return this.exchangeCounts[2];
	}

	/** The exchange ratio the thresholds ask (0.10 by default). */
	public double exchangeRatio() {
		return this.thresholds.value("EXCHANGE_RATIO");
	}

	/** The backbone share of the exchanged the thresholds ask (0.20 by default). */
	public double backboneShare() {
		return this.thresholds.value("EXCHANGE_BACKBONE_SHARE");
	}

	/** Whether a rotation moves a teacher's figures to the receiving school ({@code ROTATION_COUNTS_AT_RECEIVER}). */
	public boolean rotationCountsAtReceiver() {
		return SchoolFiguresLoader.rotationAtReceiver(this.thresholds);
	}

	/** Whether a ratio or share reaches what the thresholds ask, compared as the graph compares it. */
	public static boolean reaches(double value, double asked) {
		return Precision.atLeast(value, asked);
	}

	/** A fresh tally of moves over these figures, for a search to add moves to and take them back. */
	public ScenarioTally tally() {
		return new ScenarioTally(this);
	}

	/** The region's balance in each stage and the indicators of the schools the moves touch, as they are now. */
	public ScenarioJudgement before(List<Move> moves) {
		return judge(moves, false);
	}

	/** The same once the moves are under way (their rotations ACTIVE). */
	public ScenarioJudgement after(List<Move> moves) {
		return judge(moves, true);
	}

	private ScenarioJudgement judge(List<Move> moves, boolean applied) {
		ScenarioTally tally = tally();
		Set<Long> affected = new LinkedHashSet<>();
		int backbone = 0;
		for (Move move : moves) {
			Teacher teacher = this.teacherById.get(move.teacherId());
			if (applied) {
				tally.move(teacher, schoolIndex(move.toSchoolId()), 1);
				backbone += teacher.backbone() ? 1 : 0;
			}
			affected.add(teacher.schoolId());
			affected.add(move.toSchoolId());
		}
		List<SchoolFigures> after = new ArrayList<>();
		for (int i = 0; i < this.figures.size(); i++) {
			after.add(tally.figures(i));
		}
		int[] counts = { eligibleTeachers(), exchangedTeachers() + (applied ? moves.size() : 0), backboneExchanged() + backbone };
		Views.ExchangeBalance exchange = SchoolFiguresLoader.exchange(counts, this.thresholds);
		List<Views.RegionBalance> stages = new ArrayList<>();
		for (Segment stage : Segment.values()) {
			if (this.schools.stream().anyMatch((school) -> school.stages().contains(stage))) {
				stages.add(RegionJudgement.of(after, stage, this.thresholds, exchange, this.schoolYear));
			}
		}
		List<ScenarioJudgement.SchoolStages> schools = new ArrayList<>();
		for (long id : affected) {
			int index = schoolIndex(id);
			if (index >= 0) {
				schools.add(new ScenarioJudgement.SchoolStages(id,
						SchoolBalanceController.verdict(after.get(index), this.thresholds, this.schoolYear).stages()));
			}
		}
		return new ScenarioJudgement(stages, schools, exchange.met());
	}

	Thresholds thresholds() {
		return this.thresholds;
	}

	SchoolFigures figures(int schoolIndex) {
		return this.figures.get(schoolIndex);
	}

	int schoolCount() {
		return this.figures.size();
	}

}
