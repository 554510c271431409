package org.junheng.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What other features may ask of the indicators: current values by code, for a school or a
 * region, computed from the base figures as they are now.
 */
@Component
public class Indicators {

	/** Whether a code names one of the seven resource indicators. */
	public static boolean isResourceIndicator(String code) {
		for (ResourceIndicator indicator : ResourceIndicator.values()) {
			if (indicator.name().equals(code)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a value reaches a goal (at least), compared as every indicator is compared with its threshold. */
	public static boolean atLeast(double value, double goal) {
		return Precision.atLeast(value, goal);
	}

	/** Whether a value stays at or under a goal (at most), compared as a CV is compared with its threshold. */
	public static boolean atMost(double value, double goal) {
		return Precision.atMost(value, goal);
	}

	private final ThresholdSets thresholdSets;

	private final SchoolFiguresLoader figures;

	private final ScenarioLoader scenarios;

	Indicators(ThresholdSets thresholdSets, SchoolFiguresLoader figures, ScenarioLoader scenarios) {
		this.thresholdSets = thresholdSets;
		this.figures = figures;
		this.scenarios = scenarios;
	}

	/**
	 * A region's schools and teachers for a school year as the indicators count them, to try
	 * teacher moves on: see {@link ExchangeScenario}. Four statements.
	 */
	public Mono<ExchangeScenario> exchangeScenario(String regionCode, int schoolYear) {
		return this.scenarios.load(regionCode, schoolYear);
	}

	/** A school's seven indicator values in one stage and year, by code; empty when nothing is recorded. */
	public Mono<Map<String, Double>> schoolValues(long schoolId, String regionCode, String stage, int schoolYear) {
		return this.thresholdSets.forRegion(regionCode)
			.flatMap((thresholds) -> this.figures.forSchools(List.of(schoolId), schoolYear, thresholds).next())
			.map((school) -> {
				Map<String, Double> values = new HashMap<>();
				school.segments().stream()
					.filter((segment) -> stage == null || segment.segment().name().equals(stage))
					.findFirst()
					.ifPresent((segment) -> {
						for (ResourceIndicator indicator : ResourceIndicator.values()) {
							values.put(indicator.name(), indicator.value(segment));
						}
					});
				return values;
			})
			.defaultIfEmpty(Map.of());
	}

	/** A region's enrollment-weighted mean ({@code cv} false) or CV of each indicator in one stage and year. */
	public Mono<Map<String, Double>> regionValues(String regionCode, String stage, int schoolYear, boolean cv) {
		return this.thresholdSets.forRegion(regionCode)
			.flatMap((thresholds) -> this.figures.forRegion(regionCode, schoolYear, thresholds)
				.collectList()
				.map((schools) -> {
					Views.RegionBalance balance = RegionJudgement.of(schools, Segment.valueOf(stage), thresholds,
							new Views.ExchangeBalance(0, 0, null, 0, 0, null, 0, null), schoolYear);
					Map<String, Double> values = new HashMap<>();
					balance.indicators().forEach((i) -> values.put(i.code(), cv ? i.cv() : i.mean()));
					return values;
				}));
	}

}
