package org.junheng.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads the threshold sets; {@link ThresholdCatalog} resolves a region's thresholds from them: the
 * set of the region or its nearest ancestor with one, each value taken from the nearest set in its
 * chain that defines it, so an override set only lists what it changes.
 */
@Component
class ThresholdSets {

	private final DatabaseClient db;

	ThresholdSets(DatabaseClient db) {
		this.db = db;
	}

	/** Every set and value in one statement, for resolving many regions at once. */
	Mono<ThresholdCatalog> catalog() {
		return read(null).map(Read::catalog);
	}

	/** The thresholds in force in one region; the national ones for an unknown region. One statement. */
	Mono<Thresholds> forRegion(String regionCode) {
		return read(regionCode).map((read) -> read.catalog().forPath((read.path() != null) ? read.path() : ""));
	}

	private record Read(ThresholdCatalog catalog, String path) {
	}

	private Mono<Read> read(String regionCode) {
		return this.db.sql("""
				select s.id, s.code, s.parent_id, r.path, v.indicator_code, v.stage, v.value::float8 as value,
				       coalesce(nullif(v.source, ''), s.source) as source,
				       (select path from region where code = :region) as asked_path
				from threshold_set s left join region r on r.code = s.region_code
				left join threshold_value v on v.threshold_set_id = s.id
				order by s.id
				""")
			.bind("region", (regionCode != null) ? regionCode : "")
			.map((row) -> new Object[] { row.get("id", Long.class), row.get("code", String.class), row.get("parent_id", Long.class),
					row.get("path", String.class), row.get("indicator_code", String.class), row.get("stage", String.class),
					row.get("value", Double.class), row.get("source", String.class), row.get("asked_path", String.class) })
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
				return new Read(new ThresholdCatalog(List.copyOf(sets.values())), rows.isEmpty() ? null : (String) rows.get(0)[8]);
			});
	}

}
