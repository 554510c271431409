package org.junheng.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.junheng.region.Region;
import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Region.balance}: computed from the current base figures of every school in the region's
 * subtree, so a changed figure shows in the very next answer. All regions asked for together cost
 * three statements (threshold sets, school figures, exchange counts), however many there are.
 */
@Controller
class RegionBalanceController {

	private final ThresholdSets thresholdSets;

	private final SchoolFiguresLoader figures;

	private final Schools schools;

	RegionBalanceController(ThresholdSets thresholdSets, SchoolFiguresLoader figures, Schools schools, BatchLoaderRegistry loaders) {
		this.thresholdSets = thresholdSets;
		this.figures = figures;
		this.schools = schools;
		loaders.<BalanceKey, Views.RegionBalance>forName("regionBalance")
			.registerMappedBatchLoader((keys, env) -> thresholdSets.catalog().flatMap((catalog) -> Batches.byGroup(keys,
					// Regions share a statement when the thresholds that shape the SQL are the same.
					(key) -> key.schoolYear() + "/" + sqlThresholds(catalog.forPath(key.regionPath())),
					(group, sameGroup) -> balances(sameGroup, catalog))));
	}

	record BalanceKey(String regionCode, String regionPath, int schoolYear, Segment stage) {
	}

	@SchemaMapping
	CompletableFuture<Views.RegionBalance> balance(Region region, @Argument int schoolYear, @Argument Segment stage,
			DataLoader<BalanceKey, Views.RegionBalance> regionBalance) {
		Checks.arguments().schoolYear(schoolYear, "schoolYear").validate();
		return regionBalance.load(new BalanceKey(region.code(), region.path(), schoolYear, stage));
	}

	@SchemaMapping(typeName = "RegionBalance")
	List<String> reasons(Views.RegionBalance balance, Locale locale) {
		return Text.in(balance.reasons(), locale);
	}

	@BatchMapping(typeName = "Shortfall", field = "school")
	Mono<Map<Views.Shortfall, School>> shortfallSchools(List<Views.Shortfall> shortfalls) {
		return this.schools.byIds(shortfalls.stream().map(Views.Shortfall::schoolId).toList())
			.map((byId) -> Batches.joined(shortfalls, (shortfall) -> shortfall.schoolId(), byId));
	}

	private Mono<Map<BalanceKey, Views.RegionBalance>> balances(List<BalanceKey> keys, ThresholdCatalog catalog) {
		BalanceKey first = keys.get(0);
		Thresholds shared = catalog.forPath(first.regionPath());
		List<String> codes = keys.stream().map(BalanceKey::regionCode).distinct().toList();
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
