package org.junheng.indicator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.system.Batches;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;

/** The indicator catalogue and the thresholds in force, read from the database. */
@Controller
class IndicatorController {

	private final DatabaseClient db;

	IndicatorController(DatabaseClient db, ThresholdSets thresholdSets, BatchLoaderRegistry loaders) {
		this.db = db;
		// One lookup per distinct region asked for; "" asks for the national set.
		loaders.<String, Thresholds>forName("thresholds").registerMappedBatchLoader((regions, env) -> Batches.byGroup(regions,
				Function.identity(), (region, keys) -> thresholdSets.forRegion(region).map((t) -> Map.of(region, t))));
	}

	@QueryMapping
	Flux<IndicatorDefinition> indicatorDefinitions() {
		return this.db.sql("select * from indicator_definition order by position").map(IndicatorDefinition::from).all();
	}

	@SchemaMapping
	CompletableFuture<List<Views.Threshold>> thresholds(IndicatorDefinition definition, @Argument String regionCode,
			DataLoader<String, Thresholds> thresholds) {
		return thresholds.load((regionCode != null) ? regionCode : "").thenApply((found) -> found.values().entrySet().stream()
			.filter((entry) -> entry.getKey().startsWith(definition.code() + "/"))
			.map((entry) -> new Views.Threshold(entry.getKey().substring(definition.code().length() + 1), entry.getValue().value(),
					entry.getValue().source(), entry.getValue().setCode()))
			.toList());
	}

	@BatchMapping(typeName = "IndicatorValue", field = "definition")
	Mono<Map<Views.IndicatorValue, IndicatorDefinition>> valueDefinitions(List<Views.IndicatorValue> values) {
		return definitions(values, Views.IndicatorValue::code);
	}

	@BatchMapping(typeName = "IndicatorBalance", field = "definition")
	Mono<Map<Views.IndicatorBalance, IndicatorDefinition>> balanceDefinitions(List<Views.IndicatorBalance> balances) {
		return definitions(balances, Views.IndicatorBalance::code);
	}

	private <T> Mono<Map<T, IndicatorDefinition>> definitions(List<T> items, Function<T, String> code) {
		return this.db.sql("select * from indicator_definition where code = any(:codes)")
			.bind("codes", items.stream().map(code).distinct().toArray(String[]::new))
			.map(IndicatorDefinition::from)
			.all()
			.collectMap(IndicatorDefinition::code)
			.map((byCode) -> Batches.joined(items, code, byCode));
	}

}
