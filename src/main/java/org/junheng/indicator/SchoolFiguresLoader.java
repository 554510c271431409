package org.junheng.indicator;

import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads the base figures the indicators are computed from, in one statement for many schools:
 * each school's conditions of the year and counts of the teachers whose tenure there covers the
 * year's statistics base date (1 September; {@code tenure_covers}, V10), so a teacher who left
 * counts in the years before and not after. Nothing is stored: the next query after a changed
 * figure sees it.
 * <p>
 * A teacher on an ACTIVE or COMPLETED rotation of the year counts at the receiving school, not at
 * home, when the thresholds say so ({@code ROTATION_COUNTS_AT_RECEIVER} = 1, the default): the
 * teacher works the year there. Only a rotation that leaves the school the teacher was at on the
 * base date counts (one recorded before a permanent move is history), and of several the latest, so no teacher is
 * counted twice. Support and itinerant teaching always count at home.
 */
@Component
class SchoolFiguresLoader {

	private static final String FIGURES = """
			select s.id, s.name, s.region_code, s.stage, c.students_by_grade, c.class_sizes,
			       c.teaching_area::float8 as teaching_area, c.sports_area::float8 as sports_area,
			       c.equipment_value::float8 as equipment_value, c.multimedia_classrooms,
			       c.music_room_areas::float8[] as music_room_areas, c.art_room_areas::float8[] as art_room_areas,
			       t.teachers, t.associate_or_above, t.bachelor_or_above, t.backbone, t.pe_and_arts, t.certified, t.trained
			from school s
			join school_conditions c on c.school_id = s.id and c.school_year = :year
			cross join lateral (
			  select count(*) as teachers,
			         count(*) filter (where highest_degree in ('ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE')) as associate_or_above,
			         count(*) filter (where highest_degree in ('BACHELOR', 'MASTER', 'DOCTORATE')) as bachelor_or_above,
			         count(*) filter (where backbone_level <> 'NONE'
			                            and (backbone_valid_from is null or backbone_valid_from <= make_date(:year, 9, 1))
			                            and (backbone_valid_until is null or backbone_valid_until >= make_date(:year, 9, 1))) as backbone,
			         count(*) filter (where pe_specialist or music_specialist or art_specialist) as pe_and_arts,
			         count(*) filter (where has_certificate) as certified,
			         count(*) filter (where training_hours_5y >= :hours) as trained
			  from (select m.* from teacher_tenure h join teacher m on m.id = h.teacher_id
			        where h.school_id = s.id and tenure_covers(h.started_on, h.ended_on, make_date(:year, 9, 1))
			          and not (:rotation and exists (select 1 from exchange e where e.teacher_id = m.id and e.from_school_id = h.school_id
			                                        and e.school_year = :year and e.kind = 'ROTATION' and e.status in ('ACTIVE', 'COMPLETED')))
			        union all
			        select m.* from exchange e join teacher_tenure h on h.teacher_id = e.teacher_id and h.school_id = e.from_school_id
			        join teacher m on m.id = e.teacher_id
			        where :rotation and e.to_school_id = s.id and e.school_year = :year and e.kind = 'ROTATION'
			          and e.status in ('ACTIVE', 'COMPLETED') and tenure_covers(h.started_on, h.ended_on, make_date(:year, 9, 1))
			          and e.id = (select max(x.id) from exchange x where x.teacher_id = m.id and x.from_school_id = h.school_id
			                      and x.school_year = :year and x.kind = 'ROTATION' and x.status in ('ACTIVE', 'COMPLETED'))) t) t
			""";

	private final DatabaseClient db;

	SchoolFiguresLoader(DatabaseClient db) {
		this.db = db;
	}

	Flux<SchoolFigures> forSchools(List<Long> ids, int year, Thresholds thresholds) {
		return this.db.sql(FIGURES + " where s.id = any(:ids)")
			.bind("ids", ids.toArray(Long[]::new)).bind("year", year).bind("hours", (int) thresholds.value("TRAINING_HOURS"))
			.bind("rotation", rotationAtReceiver(thresholds))
			.map(SchoolFiguresLoader::figures)
			.all();
	}

	/** The schools of a region and its descendants. */
	Flux<SchoolFigures> forRegion(String regionCode, int year, Thresholds thresholds) {
		return forRegions(List.of(regionCode), year, (int) thresholds.value("TRAINING_HOURS"), rotationAtReceiver(thresholds))
			.map(Map.Entry::getValue);
	}

	/** Whether the thresholds count a rotating teacher at the receiving school (1) rather than at home (0). */
	static boolean rotationAtReceiver(Thresholds thresholds) {
		return thresholds.value("ROTATION_COUNTS_AT_RECEIVER") == 1;
	}

	/**
	 * The schools of several regions and their descendants in one statement, each with the region
	 * it was asked for (a school under two of them comes twice).
	 */
	Flux<Map.Entry<String, SchoolFigures>> forRegions(List<String> regionCodes, int year, int trainingHours,
			boolean rotationAtReceiver) {
		String sql = FIGURES.replace("select s.id,", "select pr.code as asked_region, s.id,")
				.replace("from school s\n", "from school s join region sr on sr.code = s.region_code"
						+ " join region pr on (sr.path = pr.path or sr.path like pr.path || '/%')\n");
		return this.db.sql(sql + " where pr.code = any(:regions)")
			.bind("regions", regionCodes.toArray(String[]::new)).bind("year", year).bind("hours", trainingHours)
			.bind("rotation", rotationAtReceiver)
			.map((row) -> Map.entry(row.get("asked_region", String.class), figures(row)))
			.all();
	}

	/** Exchange counts of several regions in one statement: eligible, exchanged and exchanged backbone teachers. */
	Mono<Map<String, int[]>> exchangeCounts(List<String> regionCodes, int year, int eligibleYears) {
		String within = "sr.code = s.region_code and (sr.path = pr.path or sr.path like pr.path || '/%')";
		return this.db.sql("select pr.code,"
				+ " (select count(*) from teacher_tenure h join school s on s.id = h.school_id join region sr on " + within
				+ "   where tenure_covers(h.started_on, h.ended_on, make_date(:year, 9, 1))"
				+ "   and h.started_on <= make_date(:year, 9, 1) - make_interval(years => :years)) as eligible,"
				+ " (select count(distinct e.teacher_id) from exchange e join school s on s.id = e.from_school_id join region sr on " + within
				+ "   where e.school_year = :year and e.status <> 'CANCELLED') as exchanged,"
				+ " (select count(distinct e.teacher_id) from exchange e join teacher t on t.id = e.teacher_id"
				+ "   join school s on s.id = e.from_school_id join region sr on " + within
				+ "   where e.school_year = :year and e.status <> 'CANCELLED' and t.backbone_level <> 'NONE') as backbone"
				+ " from region pr where pr.code = any(:regions)")
			.bind("regions", regionCodes.toArray(String[]::new)).bind("year", year).bind("years", eligibleYears)
			.map((row) -> Map.entry(row.get("code", String.class), new int[] { row.get("eligible", Long.class).intValue(),
					row.get("exchanged", Long.class).intValue(), row.get("backbone", Long.class).intValue() }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Judges exchange counts against a region's thresholds. */
	static Views.ExchangeBalance exchange(int[] counts, Thresholds thresholds) {
		int eligible = counts[0];
		int exchanged = counts[1];
		int backbone = counts[2];
		double ratioThreshold = thresholds.value("EXCHANGE_RATIO");
		double shareThreshold = thresholds.value("EXCHANGE_BACKBONE_SHARE");
		Double ratio = (eligible > 0) ? (double) exchanged / eligible : null;
		Double share = (exchanged > 0) ? (double) backbone / exchanged : null;
		Boolean met = (ratio == null || share == null) ? null : Precision.atLeast(ratio, ratioThreshold) && Precision.atLeast(share, shareThreshold);
		return new Views.ExchangeBalance(eligible, exchanged, ratio, ratioThreshold, backbone, share, shareThreshold, met);
	}

	private static SchoolFigures figures(Readable row) {
		return new SchoolFigures(row.get("id", Long.class), row.get("name", String.class), row.get("region_code", String.class),
				row.get("stage", String.class), List.of(row.get("students_by_grade", Integer[].class)),
				List.of(row.get("class_sizes", Integer[].class)), row.get("teaching_area", Double.class),
				row.get("sports_area", Double.class), row.get("equipment_value", Double.class),
				row.get("multimedia_classrooms", Integer.class), List.of(row.get("music_room_areas", Double[].class)),
				List.of(row.get("art_room_areas", Double[].class)), count(row, "teachers"), count(row, "associate_or_above"),
				count(row, "bachelor_or_above"), count(row, "backbone"), count(row, "pe_and_arts"), count(row, "certified"),
				count(row, "trained"));
	}

	private static int count(Readable row, String column) {
		return row.get(column, Long.class).intValue();
	}

}
