package org.junheng.indicator;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link ExchangeScenario}: the thresholds, the schools' figures and the exchange
 * counts as the region's balance reads them, and each teacher whose tenure at one of its schools covers
 * 1 September with what the teacher adds to the counts. Four statements, however big the region.
 * Teachers are read school by school (a lateral subquery that PostgreSQL may not flatten, hence
 * {@code offset 0}): joined to the region's schools, it scanned every teacher of a province.
 */
@Component
class ScenarioLoader {

	private static final String TEACHERS = """
			select t.id, t.at_school as school_id,
			       t.started_on <= make_date(:year, 9, 1) - make_interval(years => :years) as eligible,
			       exists (select 1 from exchange e where e.teacher_id = t.id and e.school_year = :year
			               and e.status <> 'CANCELLED') as exchanged,
			       exists (select 1 from exchange e where e.teacher_id = t.id and e.from_school_id = t.at_school
			               and e.school_year = :year and e.kind = 'ROTATION' and e.status <> 'CANCELLED') as rotating,
			       t.backbone_level <> 'NONE' as backbone,
			       (t.backbone_level <> 'NONE'
			        and (t.backbone_valid_from is null or t.backbone_valid_from <= make_date(:year, 9, 1))
			        and (t.backbone_valid_until is null or t.backbone_valid_until >= make_date(:year, 9, 1))) as backbone_valid,
			       t.highest_degree in ('ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE') as associate,
			       t.highest_degree in ('BACHELOR', 'MASTER', 'DOCTORATE') as bachelor,
			       t.music_specialist, t.art_specialist, t.pe_specialist
			from school s join region sr on sr.code = s.region_code
			join region pr on pr.code = :region and (sr.path = pr.path or sr.path like pr.path || '/%')
			cross join lateral (select m.*, h.school_id as at_school, h.started_on from teacher_tenure h join teacher m on m.id = h.teacher_id
			                    where h.school_id = s.id and tenure_covers(h.started_on, h.ended_on, make_date(:year, 9, 1))
			                    offset 0) t
			order by t.id
			""";

	private final ThresholdSets thresholdSets;

	private final SchoolFiguresLoader figures;

	private final DatabaseClient db;

	ScenarioLoader(ThresholdSets thresholdSets, SchoolFiguresLoader figures, DatabaseClient db) {
		this.thresholdSets = thresholdSets;
		this.figures = figures;
		this.db = db;
	}

	Mono<ExchangeScenario> load(String regionCode, int schoolYear) {
		return this.thresholdSets.forRegion(regionCode).flatMap((thresholds) -> {
			int years = (int) thresholds.value("EXCHANGE_ELIGIBLE_YEARS");
			Mono<List<SchoolFigures>> schools = this.figures.forRegion(regionCode, schoolYear, thresholds)
				.sort((a, b) -> Long.compare(a.schoolId(), b.schoolId()))
				.collectList();
			Mono<int[]> counts = this.figures.exchangeCounts(List.of(regionCode), schoolYear, years)
				.map((byRegion) -> byRegion.getOrDefault(regionCode, new int[3]));
			Mono<List<ExchangeScenario.Teacher>> teachers = this.db.sql(TEACHERS)
				.bind("region", regionCode).bind("year", schoolYear).bind("years", years)
				.map((row) -> new ExchangeScenario.Teacher(row.get("id", Long.class), row.get("school_id", Long.class),
						flag(row.get("eligible")), flag(row.get("exchanged")), flag(row.get("rotating")), flag(row.get("backbone")),
						flag(row.get("backbone_valid")), flag(row.get("associate")), flag(row.get("bachelor")),
						flag(row.get("music_specialist")), flag(row.get("art_specialist")), flag(row.get("pe_specialist"))))
				.all()
				.collectList();
			return Mono.zip(schools, counts, teachers)
				.map((all) -> new ExchangeScenario(schoolYear, thresholds, all.getT1(), all.getT3(), all.getT2()));
		});
	}

	private static boolean flag(Object value) {
		return Boolean.TRUE.equals(value);
	}

}
