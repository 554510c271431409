package org.junheng.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junheng.system.Text;

/**
 * One stage of one school judged on the seven resource indicators: it passes when at least six
 * meet their thresholds and the rest reach at least 85% of theirs. Teaching points under 50
 * students are reported (their indicators and reasons) but not judged: their verdict is
 * NOT_JUDGED and they count in no tally of passing or failing schools.
 */
record SegmentEvaluation(long schoolId, Segment segment, int students, boolean excluded, List<IndicatorResult> indicators,
		Verdict verdict, List<Text> reasons) {

	static SegmentEvaluation of(SegmentFigures figures, Thresholds thresholds) {
		double floor = thresholds.value("SCHOOL_PASS_FLOOR");
		List<IndicatorResult> results = new ArrayList<>();
		for (ResourceIndicator indicator : ResourceIndicator.values()) {
			results.add(IndicatorResult.of(indicator, indicator.value(figures), thresholds.value(indicator.name(), figures.segment()), floor));
		}
		return judged(figures, results, thresholds, true);
	}

	/**
	 * The same segment judged again after its figures changed in {@code changed} only (the teacher
	 * indicators, when a search moves teachers): those are computed again, the rest taken from
	 * {@code earlier}, the verdict decided as {@link #of} decides it. Without reasons: a search
	 * judges thousands of these and shows none.
	 */
	static SegmentEvaluation again(SegmentEvaluation earlier, SegmentFigures figures, Thresholds thresholds,
			List<ResourceIndicator> changed) {
		double floor = thresholds.value("SCHOOL_PASS_FLOOR");
		List<IndicatorResult> results = new ArrayList<>(earlier.indicators());
		for (ResourceIndicator indicator : changed) {
			results.set(indicator.ordinal(),
					IndicatorResult.of(indicator, indicator.value(figures), thresholds.value(indicator.name(), figures.segment()), floor));
		}
		return judged(figures, results, thresholds, false);
	}

	private static SegmentEvaluation judged(SegmentFigures figures, List<IndicatorResult> results, Thresholds thresholds,
			boolean withReasons) {
		Segment segment = figures.segment();
		int required = (int) thresholds.value("SCHOOL_PASS_MIN_MET");
		boolean excluded = figures.students() < thresholds.value("SMALL_SCHOOL_EXCLUSION");
		List<Text> reasons = new ArrayList<>();
		long met = results.stream().filter((r) -> r.status() == IndicatorResult.Status.MET).count();
		long missing = results.stream().filter((r) -> r.status() == IndicatorResult.Status.NO_DATA).count();
		for (IndicatorResult result : withReasons ? results : List.<IndicatorResult>of()) {
			if (result.status() == IndicatorResult.Status.BELOW || result.status() == IndicatorResult.Status.NEAR) {
				reasons.add(Text.of("reason.indicatorShort", result.indicator().text(), String.format(Locale.ROOT, "%.2f", result.value()),
						String.format(Locale.ROOT, "%.0f", result.ratio() * 100), trim(result.threshold())));
			}
			else if (result.status() == IndicatorResult.Status.NO_DATA) {
				reasons.add(Text.of("reason.indicatorNoData", result.indicator().text()));
			}
		}
		boolean belowFloor = results.stream().anyMatch((r) -> r.status() == IndicatorResult.Status.BELOW);
		long notMet = results.size() - met - missing;
		Verdict verdict;
		if (figures.students() <= 0) {
			verdict = Verdict.NO_DATA;
			reasons.add(0, Text.of("reason.noStudents"));
		}
		else if (excluded) {
			verdict = Verdict.NOT_JUDGED;
		}
		else if (belowFloor || results.size() - notMet < required) {
			verdict = Verdict.FAIL;
		}
		else if (missing > 0) {
			verdict = Verdict.NO_DATA;
		}
		else {
			verdict = (met >= required) ? Verdict.PASS : Verdict.FAIL;
		}
		if (excluded) {
			reasons.add(Text.of("reason.teachingPoint", trim(thresholds.value("SMALL_SCHOOL_EXCLUSION"))));
		}
		return new SegmentEvaluation(figures.schoolId(), segment, figures.students(), excluded, List.copyOf(results), verdict,
				withReasons ? List.copyOf(reasons) : List.of());
	}

	static String trim(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
