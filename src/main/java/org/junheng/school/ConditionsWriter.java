package org.junheng.school;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes a school year's conditions as an import does: by school and year, whatever is there,
 * and not at all when the figures are the ones already stored, so that importing the same file
 * twice changes nothing (no new version, no audit entry, no event). Checks are the caller's, with
 * {@link SchoolConditions#checkFigures} and {@link SchoolConditions#checkGrades}.
 */
@Component
public class ConditionsWriter {

	/** What a write did to the stored year. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	private final DatabaseClient db;

	ConditionsWriter(DatabaseClient db) {
		this.db = db;
	}

	/** A school year of a school, as the writes' results are keyed. */
	public record Key(long schoolId, int schoolYear) {
	}

	private static final int CHUNK = 1000;

	/**
	 * Writes all the years, a thousand rows a statement (arrays travel as their text form, one
	 * array of them per column, and are cast back in SQL), within the caller's transaction.
	 */
	public Mono<Map<Key, Outcome>> upsertAll(List<SchoolConditions> all) {
		Map<Key, Outcome> outcomes = new HashMap<>();
		all.forEach((conditions) -> outcomes.put(new Key(conditions.schoolId(), conditions.schoolYear()), Outcome.UNCHANGED));
		List<List<SchoolConditions>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return Flux.fromIterable(chunks)
			.concatMap(this::chunk)
			.doOnNext((written) -> outcomes.put(written.getKey(), written.getValue()))
			.then(Mono.fromSupplier(() -> outcomes));
	}

	private Flux<Map.Entry<Key, Outcome>> chunk(List<SchoolConditions> rows) {
		return this.db.sql("""
				insert into school_conditions (school_id, school_year, students_by_grade, class_sizes, teaching_area, sports_area,
				    equipment_value, multimedia_classrooms, music_room_areas, art_room_areas, books)
				select school_id, school_year, grades::integer[], classes::integer[], teaching, sports, equipment, multimedia,
				    music::numeric[], art::numeric[], books
				from unnest(:schools::bigint[], :years::integer[], :grades::text[], :classes::text[], :teaching::numeric[],
				    :sports::numeric[], :equipment::numeric[], :multimedia::integer[], :music::text[], :art::text[], :books::integer[])
				  as r (school_id, school_year, grades, classes, teaching, sports, equipment, multimedia, music, art, books)
				on conflict (school_id, school_year) do update set students_by_grade = excluded.students_by_grade,
				    class_sizes = excluded.class_sizes, teaching_area = excluded.teaching_area, sports_area = excluded.sports_area,
				    equipment_value = excluded.equipment_value, multimedia_classrooms = excluded.multimedia_classrooms,
				    music_room_areas = excluded.music_room_areas, art_room_areas = excluded.art_room_areas, books = excluded.books,
				    version = school_conditions.version + 1, updated_at = now()
				where (school_conditions.students_by_grade, school_conditions.class_sizes, school_conditions.teaching_area,
				    school_conditions.sports_area, school_conditions.equipment_value, school_conditions.multimedia_classrooms,
				    school_conditions.music_room_areas, school_conditions.art_room_areas, school_conditions.books)
				  is distinct from (excluded.students_by_grade, excluded.class_sizes, excluded.teaching_area, excluded.sports_area,
				    excluded.equipment_value, excluded.multimedia_classrooms, excluded.music_room_areas, excluded.art_room_areas,
				    excluded.books)
				returning school_id, school_year, (xmax = 0) as created""")
			.bind("schools", rows.stream().map(SchoolConditions::schoolId).toArray(Long[]::new))
			.bind("years", rows.stream().map(SchoolConditions::schoolYear).toArray(Integer[]::new))
			.bind("grades", rows.stream().map((r) -> array(r.studentsByGrade())).toArray(String[]::new))
			.bind("classes", rows.stream().map((r) -> array(r.classSizes())).toArray(String[]::new))
			.bind("teaching", rows.stream().map(SchoolConditions::teachingArea).toArray(BigDecimal[]::new))
			.bind("sports", rows.stream().map(SchoolConditions::sportsArea).toArray(BigDecimal[]::new))
			.bind("equipment", rows.stream().map(SchoolConditions::equipmentValue).toArray(BigDecimal[]::new))
			.bind("multimedia", rows.stream().map(SchoolConditions::multimediaClassrooms).toArray(Integer[]::new))
			.bind("music", rows.stream().map((r) -> array(r.musicRoomAreas())).toArray(String[]::new))
			.bind("art", rows.stream().map((r) -> array(r.artRoomAreas())).toArray(String[]::new))
			.bind("books", rows.stream().map(SchoolConditions::books).toArray(Integer[]::new))
			.map((row) -> Map.entry(new Key(row.get("school_id", Long.class), row.get("school_year", Integer.class)),
					Boolean.TRUE.equals(row.get("created", Boolean.class)) ? Outcome.CREATED : Outcome.UPDATED))
			.all();
	}

	/** An array's PostgreSQL text form, e.g. {40,41}. */
	private static String array(List<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
