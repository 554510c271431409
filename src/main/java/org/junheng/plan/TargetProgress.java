package org.junheng.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.indicator.Indicators;
import org.junheng.school.Schools;
import org.junheng.system.Text;
import org.springframework.stereotype.Component;

/**
 * How far targets have come, from the data as it is now: a custom target from its reported
 * value, an indicator target from the live indicator of its school or region. Targets that
 * measure the same school or region in the same year share one read.
 */
@Component
class TargetProgress {

	/** Progress from the baseline toward the target: {@code fraction} 0 at the baseline, 1 at the target. */
	record Progress(Double current, Double baseline, double target, Double fraction, Boolean met, Text source) {
	}

	private final Indicators indicators;

	private final Schools schools;

	TargetProgress(Indicators indicators, Schools schools) {
		this.indicators = indicators;
		this.schools = schools;
	}

	Mono<Map<Target, Progress>> of(List<Target> targets) {
		Map<String, List<Target>> bySubject = targets.stream().distinct().collect(Collectors.groupingBy(TargetProgress::subject));
		List<Long> schoolIds = targets.stream().filter((t) -> t.scope() == TargetScope.SCHOOL).map(Target::schoolId).distinct().toList();
		Mono<Map<Long, String>> regionsOfSchools = schoolIds.isEmpty() ? Mono.just(Map.of())
				: this.schools.byIds(schoolIds).map((byId) -> byId.values().stream()
					.collect(Collectors.toMap((s) -> s.id(), (s) -> s.regionCode())));
		return regionsOfSchools.flatMap((schoolRegions) -> Flux.fromIterable(bySubject.values())
			.concatMap((group) -> values(group.get(0), schoolRegions)
				.map((values) -> group.stream().map((t) -> Map.entry(t, progress(t, values))).toList()))
			.flatMapIterable((entries) -> entries)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Mono<Map<String, Double>> values(Target target, Map<Long, String> schoolRegions) {
		return switch (target.scope()) {
			case CUSTOM -> Mono.just(Map.of());
			case SCHOOL -> (schoolRegions.containsKey(target.schoolId()))
					? this.indicators.schoolValues(target.schoolId(), schoolRegions.get(target.schoolId()), target.stage(), target.schoolYear())
					: Mono.just(Map.of());
			case REGION_MEAN -> this.indicators.regionValues(target.regionCode(), target.stage(), target.schoolYear(), false);
			case REGION_CV -> this.indicators.regionValues(target.regionCode(), target.stage(), target.schoolYear(), true);
		};
	}

	private static Progress progress(Target target, Map<String, Double> values) {
		Double current = (target.scope() == TargetScope.CUSTOM)
				? ((target.currentValue() != null) ? target.currentValue().doubleValue() : null)
				: values.get(target.indicatorCode());
		double goal = target.targetValue().doubleValue();
		Double baseline = (target.baseline() != null) ? target.baseline().doubleValue() : null;
		Boolean met = (current == null) ? null
				: target.downward() ? Indicators.atMost(current, goal) : Indicators.atLeast(current, goal);
		Double fraction = (current == null || baseline == null || baseline == goal) ? null : (current - baseline) / (goal - baseline);
		return new Progress(current, baseline, goal, fraction, met, source(target));
	}

	private static String subject(Target target) {
		return switch (target.scope()) {
			case CUSTOM -> "custom";
			case SCHOOL -> "school/" + target.schoolId() + "/" + target.stage() + "/" + target.schoolYear();
			default -> target.scope() + "/" + target.regionCode() + "/" + target.stage() + "/" + target.schoolYear();
		};
	}

	private static Text source(Target target) {
		Text indicator = (target.indicatorCode() != null) ? Text.of("indicator." + target.indicatorCode()) : null;
		Text what = switch (target.scope()) {
			case CUSTOM -> Text.of("source.custom");
			case SCHOOL -> Text.of("source.school", indicator);
			case REGION_MEAN -> Text.of("source.regionMean", indicator, target.regionCode());
			case REGION_CV -> Text.of("source.regionCv", indicator, target.regionCode());
		};
		return (target.schoolYear() != null) ? Text.of("source.inYear", what, target.schoolYear()) : what;
	}

}
