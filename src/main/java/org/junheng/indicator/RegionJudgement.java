package org.junheng.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junheng.system.Text;

/**
 * A region's balance in one stage: every resource indicator's enrollment-weighted CV across the
 * judged schools against its threshold, how many schools pass, the year's exchange, and one
 * verdict with every reason it is not a pass.
 */
final class RegionJudgement {

	private RegionJudgement() {
	}

	static Views.RegionBalance of(List<SchoolFigures> schools, Segment stage, Thresholds thresholds,
			Views.ExchangeBalance exchange, int schoolYear) {
		Map<Long, String> names = schools.stream().collect(Collectors.toMap(SchoolFigures::schoolId, SchoolFigures::name));
		List<SegmentEvaluation> all = schools.stream()
			.flatMap((school) -> school.segments().stream())
			.filter((segment) -> segment.segment() == stage)
			.map((segment) -> SegmentEvaluation.of(segment, thresholds))
			.toList();
		List<SegmentEvaluation> judged = all.stream().filter((e) -> !e.excluded() && e.students() > 0).toList();
		List<Text> reasons = new ArrayList<>();
		List<Views.IndicatorBalance> indicators = new ArrayList<>();
		double cvThreshold = thresholds.value("RESOURCE_CV", stage);
		for (ResourceIndicator indicator : ResourceIndicator.values()) {
			List<IndicatorResult> results = judged.stream().map((e) -> e.indicators().get(indicator.ordinal())).toList();
			List<Balance.Point> points = new ArrayList<>();
			List<Views.Shortfall> shortfalls = new ArrayList<>();
			int missing = 0;
			for (int i = 0; i < judged.size(); i++) {
				IndicatorResult result = results.get(i);
				if (result.value() == null) {
					missing++;
				}
				else {
					points.add(new Balance.Point(result.value(), judged.get(i).students()));
					if (result.status() != IndicatorResult.Status.MET) {
						shortfalls.add(new Views.Shortfall(judged.get(i).schoolId(), result.value(), result.threshold(), result.ratio()));
					}
				}
			}
			shortfalls.sort(Comparator.comparingDouble(Views.Shortfall::ratio));
			Double cv = Balance.cv(points);
			// The CV of the schools that have the figure; a school without it could move the CV
			// either way, so with any missing the outcome is unknown.
			Boolean met = (cv == null || missing > 0) ? null : Precision.atMost(cv, cvThreshold);
			Double mean = points.isEmpty() ? null : Balance.mean(points);
			indicators.add(new Views.IndicatorBalance(indicator.name(), cv, cvThreshold, met, mean, points.size(), missing,
					List.copyOf(shortfalls)));
			if (Boolean.FALSE.equals(met)) {
				reasons.add(Text.of("reason.cvAbove", indicator.text(), String.format(Locale.ROOT, "%.3f", cv),
						SegmentEvaluation.trim(cvThreshold)));
			}
			else if (missing > 0) {
				reasons.add(Text.of("reason.cvMissing", indicator.text(), missing, judged.size()));
			}
		}
		Function<Long, String> name = (id) -> names.getOrDefault(id, String.valueOf(id));
		for (SegmentEvaluation evaluation : judged) {
			if (evaluation.verdict() == Verdict.FAIL) {
				reasons.add(Text.of("reason.schoolFails", name.apply(evaluation.schoolId()), Text.joined(evaluation.reasons())));
			}
		}
		if (Boolean.FALSE.equals(exchange.met())) {
			reasons.add(Text.of("reason.exchange", exchange.exchangedTeachers(), exchange.eligibleTeachers(),
					String.format(Locale.ROOT, "%.1f", pct(exchange.ratio())), String.format(Locale.ROOT, "%.0f", exchange.ratioThreshold() * 100),
					(exchange.backboneShare() != null) ? Text.of("reason.percent", String.format(Locale.ROOT, "%.1f", exchange.backboneShare() * 100))
							: Text.of("reason.none"),
					String.format(Locale.ROOT, "%.0f", exchange.backboneShareThreshold() * 100)));
		}
		int passing = (int) judged.stream().filter((e) -> e.verdict() == Verdict.PASS).count();
		boolean failed = indicators.stream().anyMatch((i) -> Boolean.FALSE.equals(i.met()))
				|| judged.stream().anyMatch((e) -> e.verdict() == Verdict.FAIL) || Boolean.FALSE.equals(exchange.met());
		boolean unknown = judged.isEmpty() || indicators.stream().anyMatch((i) -> i.met() == null)
				|| judged.stream().anyMatch((e) -> e.verdict() == Verdict.NO_DATA) || exchange.met() == null;
		Verdict verdict = failed ? Verdict.FAIL : unknown ? Verdict.NO_DATA : Verdict.PASS;
		if (judged.isEmpty()) {
			reasons.add(Text.of("reason.noSchools", Text.of("segment." + stage), schoolYear));
		}
		return new Views.RegionBalance(schoolYear, stage, thresholds.setCode(), all.size(), judged.size(), passing,
				List.copyOf(indicators), exchange, verdict, List.copyOf(reasons));
	}

	private static double pct(Double ratio) {
		return (ratio != null) ? ratio * 100 : 0;
	}

}
