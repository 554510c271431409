package org.junheng.indicator;

import java.util.List;
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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Region.balance}: computed from the current base figures of every school in the region's
 * subtree, so a changed figure shows in the very next answer. Each region asked for costs three
 * statements (thresholds, school figures, exchange), whatever its size.
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
		loaders.<BalanceKey, Views.RegionBalance>forName("regionBalance").registerMappedBatchLoader((keys, env) -> Batches
			.byGroup(keys, Function.identity(), (key, same) -> balance(key).map((balance) -> Map.of(key, balance))));
	}

	record BalanceKey(String regionCode, int schoolYear, Segment stage) {
	}

	@SchemaMapping
	CompletableFuture<Views.RegionBalance> balance(Region region, @Argument int schoolYear, @Argument Segment stage,
			DataLoader<BalanceKey, Views.RegionBalance> regionBalance) {
		return regionBalance.load(new BalanceKey(region.code(), schoolYear, stage));
	}

	@BatchMapping(typeName = "Shortfall", field = "school")
	Mono<Map<Views.Shortfall, School>> shortfallSchools(List<Views.Shortfall> shortfalls) {
		return this.schools.byIds(shortfalls.stream().map(Views.Shortfall::schoolId).toList())
			.map((byId) -> shortfalls.stream().distinct()
				.collect(Collectors.toMap(Function.identity(), (shortfall) -> byId.get(shortfall.schoolId()))));
	}

	private Mono<Views.RegionBalance> balance(BalanceKey key) {
		return this.thresholdSets.forRegion(key.regionCode())
			.flatMap((thresholds) -> this.figures.forRegion(key.regionCode(), key.schoolYear(), thresholds)
				.collectList()
				.zipWith(this.figures.exchange(key.regionCode(), key.schoolYear(), thresholds))
				.map((both) -> RegionJudgement.of(both.getT1(), key.stage(), thresholds, both.getT2(), key.schoolYear())));
	}

}
