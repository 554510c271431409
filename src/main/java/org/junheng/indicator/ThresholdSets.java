package org.junheng.indicator;

import java.util.LinkedHashMap;
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
