package org.junheng.indicator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 * subtree (see {@link RegionBalances}), so a changed figure shows in the very next answer.
 */
@Controller
class RegionBalanceController {

	private final Schools schools;

	RegionBalanceController(RegionBalances balances, Schools schools, BatchLoaderRegistry loaders) {
		this.schools = schools;
		loaders.<RegionBalances.Key, Views.RegionBalance>forName("regionBalance")
			.registerMappedBatchLoader((keys, env) -> balances.of(List.copyOf(keys)));
	}

	@SchemaMapping
	CompletableFuture<Views.RegionBalance> balance(Region region, @Argument int schoolYear, @Argument Segment stage,
			DataLoader<RegionBalances.Key, Views.RegionBalance> regionBalance) {
		Checks.arguments().schoolYear(schoolYear, "schoolYear").validate();
		return regionBalance.load(new RegionBalances.Key(region.code(), region.path(), schoolYear, stage));
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

}
