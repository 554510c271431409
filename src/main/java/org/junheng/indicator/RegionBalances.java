package org.junheng.indicator;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.system.Batches;
import org.springframework.stereotype.Component;

/**
 * Regions' balances from the current base figures of every school in their subtrees: all regions
 * asked for together cost three statements (threshold sets, school figures, exchange counts),
 * however many there are. The graph's {@code Region.balance} and the live
 * {@code regionBalanceChanged} both compute here.
 */
@Component
class RegionBalances {

	private final ThresholdSets thresholdSets;

	private final SchoolFiguresLoader figures;

	RegionBalances(ThresholdSets thresholdSets, SchoolFiguresLoader figures) {
		this.thresholdSets = thresholdSets;
		this.figures = figures;
	}

	record Key(String regionCode, String regionPath, int schoolYear, Segment stage) {
	}

	Mono<Map<Key, Views.RegionBalance>> of(List<Key> keys) {
		return this.thresholdSets.catalog().flatMap((catalog) -> Batches.byGroup(keys,
				// Regions share a statement when the thresholds that shape the SQL are the same.
				(key) -> key.schoolYear() + "/" + sqlThresholds(catalog.forPath(key.regionPath())),
				(group, sameGroup) -> balances(sameGroup, catalog)));
	}

	private Mono<Map<Key, Views.RegionBalance>> balances(List<Key> keys, ThresholdCatalog catalog) {
		Key first = keys.get(0);
		Thresholds shared = catalog.forPath(first.regionPath());
		List<String> codes = keys.stream().map(Key::regionCode).distinct().toList();
		return this.figures.forRegions(codes, first.schoolYear(), (int) shared.value("TRAINING_HOURS"),
				SchoolFiguresLoader.rotationAtReceiver(shared))
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.zipWith(this.figures.exchangeCounts(codes, first.schoolYear(), (int) shared.value("EXCHANGE_ELIGIBLE_YEARS")))
			.map((both) -> keys.stream().collect(Collectors.toMap(Function.identity(), (key) -> {
				Thresholds thresholds = catalog.forPath(key.regionPath());
				List<SchoolFigures> schools = List.copyOf(both.getT1().getOrDefault(key.regionCode(), List.of()));
				int[] counts = both.getT2().getOrDefault(key.regionCode(), new int[3]);
				return RegionJudgement.of(schools, key.stage(), thresholds, SchoolFiguresLoader.exchange(counts, thresholds),
						key.schoolYear());
			})));
	}

	private static String sqlThresholds(Thresholds thresholds) {
		return thresholds.value("TRAINING_HOURS") + "/" + thresholds.value("EXCHANGE_ELIGIBLE_YEARS") + "/"
				+ SchoolFiguresLoader.rotationAtReceiver(thresholds);
	}

}
