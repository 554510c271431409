package org.junheng.planner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.junheng.region.Regions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What the planner reads beside the indicators' scenario: each school's locality and district,
 * the pairings of the year (hints for the moves), and a fingerprint of every figure a proposal
 * depends on, so that accepting a proposal computed from figures changed since is refused.
 */
@Component
class CountyFacts {

	/** Localities as ranks, from the usually strongest to the usually weakest. */
	private static final Map<String, Integer> RANKS = Map.of("URBAN", 0, "TOWN", 1, "RURAL", 2);

	private static final String WITHIN = Regions.withinCondition("s.region_code", "region");

	private final DatabaseClient db;

	CountyFacts(DatabaseClient db) {
		this.db = db;
	}

	record Facts(Map<Long, Integer> localityRanks, Map<Long, String> regionCodes, Set<Long> pairings) {
	}

	/** One statement: the schools with the pairings each leads in the year. */
	Mono<Facts> load(String regionCode, int schoolYear) {
		return this.db.sql("select s.id, s.locality, s.region_code, array(select p.supported_school_id from pairing p"
				+ " where p.lead_school_id = s.id and p.starts_on < make_date(:year + 1, 9, 1) and p.ends_on >= make_date(:year, 9, 1))"
				+ " as supported from school s where " + WITHIN)
			.bind("region", regionCode).bind("year", schoolYear)
			.map((row) -> new Object[] { row.get("id", Long.class), row.get("locality", String.class), row.get("region_code", String.class),
					row.get("supported", Long[].class) })
			.all()
			.collectList()
			.map((rows) -> {
				Map<Long, Integer> ranks = new HashMap<>();
				Map<Long, String> regions = new HashMap<>();
				Set<Long> pairings = new HashSet<>();
				for (Object[] row : rows) {
					ranks.put((Long) row[0], RANKS.getOrDefault((String) row[1], 1));
					regions.put((Long) row[0], (String) row[2]);
					for (Long supported : (Long[]) row[3]) {
						pairings.add(County.pair((Long) row[0], supported));
					}
				}
				return new Facts(ranks, regions, pairings);
			});
	}

	/**
	 * A digest of the region's schools, teachers, conditions and exchanges of the year and every
	 * threshold set, by ID and version: any write to one of them (every write raises a version)
	 * or any row added or removed changes it. Rows are read school by school ({@code offset 0} keeps
	 * PostgreSQL from flattening the lateral subqueries into a scan of every teacher and exchange).
	 */
	Mono<String> fingerprint(String regionCode, int schoolYear) {
		return this.db.sql("select md5(concat_ws('|',"
				+ " (select string_agg(s.id || '.' || s.version, ',' order by s.id) from school s where " + WITHIN + "),"
				+ " (select string_agg(t.id || '.' || t.version, ',' order by t.id) from school s cross join lateral"
				+ "  (select t.id, t.version from teacher t where t.school_id = s.id offset 0) t where " + WITHIN + "),"
				+ " (select string_agg(c.id || '.' || c.version, ',' order by c.id) from school_conditions c join school s on s.id = c.school_id"
				+ "  where c.school_year = :year and " + WITHIN + "),"
				+ " (select string_agg(e.id || '.' || e.version, ',' order by e.id) from school s cross join lateral"
				+ "  (select e.id, e.version from exchange e where e.from_school_id = s.id and e.school_year = :year"
				+ "   union all select e.id, e.version from exchange e where e.to_school_id = s.id and e.school_year = :year) e where "
				+ WITHIN + "),"
				+ " (select string_agg(ts.id || '.' || ts.version, ',' order by ts.id) from threshold_set ts))) as fingerprint")
			.bind("region", regionCode).bind("year", schoolYear)
			.map((row) -> row.get("fingerprint", String.class))
			.one();
	}

}
