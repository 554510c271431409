package org.junheng.indicator;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.junheng.system.Languages;
import org.junheng.system.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed cases of the school rules: the 85% rule, missing data, rooms per 12 classes, nine-year segments. */
class SegmentEvaluationTests {

	private final Thresholds thresholds = TestThresholds.simple();

	@Test
	void sixMetAndTheSeventhAtNinetyPercentPasses() {
		assertThat(evaluate(10, 10, 10, 10, 10, 10, 9.0).verdict()).isEqualTo(Verdict.PASS);
		assertThat(evaluate(10, 10, 10, 10, 10, 10, 8.5).verdict()).isEqualTo(Verdict.PASS);
	}

	@Test
	void theSeventhUnderEightyFivePercentFails() {
		SegmentEvaluation evaluation = evaluate(10, 10, 10, 10, 10, 10, 8.4);
		assertThat(evaluation.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(Text.in(evaluation.reasons(), Languages.CHINESE)).containsExactly("每百名学生拥有网络多媒体教室数为 8.40，达到标准值 10 的 84%");
		assertThat(Text.in(evaluation.reasons(), Locale.ENGLISH))
			.containsExactly("networked multimedia classrooms per 100 students is 8.40, 84% of the threshold 10");
	}

	@Test
	void twoShortEvenWithinEightyFivePercentFail() {
		assertThat(evaluate(10, 10, 10, 10, 10, 9.5, 9.5).verdict()).isEqualTo(Verdict.FAIL);
	}

	@Test
	void aMissingFigureIsNoDataNotZeroAndNotMet() {
		SegmentFigures figures = new SegmentFigures(1, Segment.PRIMARY, 100, List.of(50, 50), 10, 10, 10, 1000.0, 1000.0, null,
				10.0);
		SegmentEvaluation evaluation = SegmentEvaluation.of(figures, this.thresholds);
		IndicatorResult equipment = evaluation.indicators().get(ResourceIndicator.EQUIPMENT_VALUE.ordinal());
		assertThat(equipment.status()).isEqualTo(IndicatorResult.Status.NO_DATA);
		assertThat(equipment.value()).isNull();
		assertThat(equipment.met()).isNull();
		assertThat(evaluation.verdict()).isEqualTo(Verdict.NO_DATA);
		assertThat(Text.in(evaluation.reasons(), Languages.CHINESE)).contains("生均教学仪器设备值：无数据");
		assertThat(Text.in(evaluation.reasons(), Locale.ENGLISH)).contains("teaching equipment value per student: no data");
	}

	@Test
	void aSchoolWithNoStudentsHasNoVerdict() {
		SegmentFigures figures = new SegmentFigures(1, Segment.PRIMARY, 0, List.of(), 5, 1, 1, 100.0, 100.0, 100.0, 1.0);
		SegmentEvaluation evaluation = SegmentEvaluation.of(figures, this.thresholds);
		assertThat(evaluation.verdict()).isEqualTo(Verdict.NO_DATA);
		assertThat(evaluation.indicators()).allSatisfy((r) -> assertThat(r.status()).isEqualTo(IndicatorResult.Status.NO_DATA));
	}

	@Test
	void roomsAreNeededOnePerTwelveClassesRoundedUp() {
		assertThat(musicRoomsNeeded(12)).isEqualTo(1);
		assertThat(musicRoomsNeeded(13)).isEqualTo(2);
		assertThat(musicRoomsNeeded(24)).isEqualTo(2);
		assertThat(musicRoomsNeeded(25)).isEqualTo(3);
		assertThat(musicRoomsNeeded(45)).isEqualTo(4);
	}

	/**
	 * A nine-year school of 600 primary and 360 junior students: shared figures split by enrollment
	 * (5/8 and 3/8), so per-student values are the same for both stages; degrees are counted against
	 * each stage's minimum; the primary grades' classes go to the primary stage.
	 */
	@Test
	void nineYearSchoolsAreJudgedAsTwoStages() {
		List<Integer> grades = List.of(100, 100, 100, 100, 100, 100, 120, 120, 120);
		List<Integer> classes = List.of(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 40, 40, 40, 40, 40, 40, 40, 40, 40);
		SchoolFigures school = new SchoolFigures(1, "测试学校", "511921", "NINE_YEAR", grades, classes, 4800.0, 9600.0, 2_400_000.0, 24,
				List.of(96.0, 96.0), List.of(90.0, 90.0), 80, 80, 48, 16, 8, 80, 80);
		List<SegmentFigures> segments = school.segments();
		assertThat(segments).extracting(SegmentFigures::segment).containsExactly(Segment.PRIMARY, Segment.JUNIOR);
		SegmentFigures primary = segments.get(0);
		SegmentFigures junior = segments.get(1);
		assertThat(primary.students()).isEqualTo(600);
		assertThat(junior.students()).isEqualTo(360);
		assertThat(ResourceIndicator.TEACHING_AREA.value(primary)).isCloseTo(5.0, within(1e-9));
		assertThat(ResourceIndicator.TEACHING_AREA.value(junior)).isCloseTo(5.0, within(1e-9));
		// 80 teachers hold a junior-college degree or above, 48 a bachelor's: 80·5/8 = 50 for 600, 48·3/8 = 18 for 360.
		assertThat(ResourceIndicator.QUALIFIED_TEACHERS.value(primary)).isCloseTo(50.0 * 100 / 600, within(1e-9));
		assertThat(ResourceIndicator.QUALIFIED_TEACHERS.value(junior)).isCloseTo(18.0 * 100 / 360, within(1e-9));
		assertThat(primary.classSizes()).hasSize(12).containsOnly(50);
		assertThat(junior.classSizes()).hasSize(9).containsOnly(40);
		List<GuaranteeItem> items = GuaranteeItem.of(school, this.thresholds);
		assertThat(item(items, "CLASS_SIZE_PRIMARY").met()).isFalse();
		assertThat(item(items, "CLASS_SIZE_JUNIOR").met()).isTrue();
		assertThat(item(items, "MUSIC_ROOMS").required()).isEqualTo(2);
		assertThat(item(items, "SCHOOL_SIZE").required()).isEqualTo(2500);
	}

	@Test
	void classesThatDoNotAddUpGradeByGradeAreNotPutInAStage() {
		SchoolFigures school = new SchoolFigures(1, "测试学校", "511921", "NINE_YEAR", List.of(30, 30, 30, 30, 30, 30, 30, 30, 30),
				List.of(45, 45, 45, 45, 45, 45), 500.0, 500.0, 500.0, 3, List.of(), List.of(), 20, 20, 20, 2, 2, 20, 20);
		assertThat(school.classesByGrade()).isNull();
		assertThat(item(GuaranteeItem.of(school, this.thresholds), "CLASS_SIZE_PRIMARY").met()).isNull();
	}

	private int musicRoomsNeeded(int classes) {
		List<Integer> grades = List.of(classes * 10);
		SchoolFigures school = new SchoolFigures(1, "测试学校", "511921", "PRIMARY", grades, Collections.nCopies(classes, 10), 1.0, 1.0, 1.0, 1,
				List.of(), List.of(), 1, 1, 1, 0, 0, 1, 1);
		return (int) item(GuaranteeItem.of(school, this.thresholds), "MUSIC_ROOMS").required();
	}

	private static GuaranteeItem item(List<GuaranteeItem> items, String code) {
		return items.stream().filter((i) -> i.code().equals(code)).findFirst().orElseThrow();
	}

	/** A primary segment of 100 students whose seven indicator values are the given ones (thresholds all 10). */
	private SegmentEvaluation evaluate(double... values) {
		SegmentFigures figures = new SegmentFigures(1, Segment.PRIMARY, 100, List.of(50, 50), values[0], values[1], values[2],
				values[3] * 100, values[4] * 100, values[5] * 100, values[6]);
		return SegmentEvaluation.of(figures, this.thresholds);
	}

}
