package org.junheng.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Finds the thresholds in force for a region: the set of the region or its nearest ancestor
 * with one, each value taken from the nearest set in its chain that defines it, so an override
 * set only lists what it changes.
 */
@Component
class ThresholdSets {

	private final DatabaseClient db;

	ThresholdSets(DatabaseClient db) {
		this.db = db;
	}

	/** Every set and value in one statement, for resolving many regions at once. */
	Mono<ThresholdCatalog> catalog() {
		return this.db.sql("""
				select s.id, s.code, s.parent_id, r.path, v.indicator_code, v.stage, v.value::float8 as value,
				       coalesce(nullif(v.source, ''), s.source) as source
				from threshold_set s left join region r on r.code = s.region_code
				left join threshold_value v on v.threshold_set_id = s.id
				order by s.id
				""")
			.map((row) -> new Object[] { row.get("id", Long.class), row.get("code", String.class), row.get("parent_id", Long.class),
					row.get("path", String.class), row.get("indicator_code", String.class), row.get("stage", String.class),
					row.get("value", Double.class), row.get("source", String.class) })
			.all()
			.collectList()
			.map((rows) -> {
				Map<Long, ThresholdCatalog.Set> sets = new LinkedHashMap<>();
				for (Object[] row : rows) {
					ThresholdCatalog.Set set = sets.computeIfAbsent((Long) row[0], (id) -> new ThresholdCatalog.Set(id, (String) row[1],
							(Long) row[2], (String) row[3], new LinkedHashMap<>()));
					if (row[4] != null) {
						set.values().put(row[4] + "/" + row[5], new Thresholds.Value((Double) row[6], (String) row[7], set.code()));
					}
				}
				return new ThresholdCatalog(List.copyOf(sets.values()));
			});
	}

	Mono<Thresholds> forRegion(String regionCode) {
		return this.db.sql("""
				with recursive start as (
				  select coalesce((select ts.id from threshold_set ts join region x on x.code = ts.region_code
				                   join region r on r.code = :region and (r.path = x.path or r.path like x.path || '/%')
				                   order by length(x.path) desc limit 1),
				                  (select id from threshold_set where parent_id is null order by id limit 1)) as id
				), chain (id, parent_id, depth) as (
				  select ts.id, ts.parent_id, 0 from threshold_set ts join start on ts.id = start.id
				  union all
				  select ts.id, ts.parent_id, chain.depth + 1 from threshold_set ts join chain on ts.id = chain.parent_id
				)
				select distinct on (v.indicator_code, v.stage) v.indicator_code, v.stage, v.value::float8 as value,
				       coalesce(nullif(v.source, ''), s.source) as source, s.code as set_code,
				       (select s0.code from threshold_set s0 join start on s0.id = start.id) as start_code
				from chain join threshold_value v on v.threshold_set_id = chain.id join threshold_set s on s.id = chain.id
				order by v.indicator_code, v.stage, chain.depth
				""")
			.bind("region", regionCode)
			.map((row) -> new Object[] { row.get("indicator_code", String.class) + "/" + row.get("stage", String.class),
					new Thresholds.Value(row.get("value", Double.class), row.get("source", String.class),
							row.get("set_code", String.class)),
					row.get("start_code", String.class) })
			.all()
			.collectList()
			.map((rows) -> {
				Map<String, Thresholds.Value> values = new LinkedHashMap<>();
				rows.forEach((row) -> values.put((String) row[0], (Thresholds.Value) row[1]));
				return new Thresholds(rows.isEmpty() ? "" : (String) rows.get(0)[2], values);
			});
	}

}
