package org.junheng.school;

import java.math.BigDecimal;

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

	public Mono<Outcome> upsert(SchoolConditions conditions) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				insert into school_conditions (school_id, school_year, students_by_grade, class_sizes, teaching_area, sports_area,
				    equipment_value, multimedia_classrooms, music_room_areas, art_room_areas, books)
				values (:school, :year, :grades, :classes, :teaching, :sports, :equipment, :multimedia, :music, :art, :books)
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
				returning (xmax = 0) as created""")
			.bind("school", conditions.schoolId())
			.bind("year", conditions.schoolYear())
			.bind("grades", conditions.studentsByGrade().toArray(Integer[]::new))
			.bind("classes", conditions.classSizes().toArray(Integer[]::new))
			.bind("music", conditions.musicRoomAreas().toArray(BigDecimal[]::new))
			.bind("art", conditions.artRoomAreas().toArray(BigDecimal[]::new));
		spec = bindOrNull(spec, "teaching", conditions.teachingArea(), BigDecimal.class);
		spec = bindOrNull(spec, "sports", conditions.sportsArea(), BigDecimal.class);
		spec = bindOrNull(spec, "equipment", conditions.equipmentValue(), BigDecimal.class);
		spec = bindOrNull(spec, "multimedia", conditions.multimediaClassrooms(), Integer.class);
		spec = bindOrNull(spec, "books", conditions.books(), Integer.class);
		return spec.map((row) -> Boolean.TRUE.equals(row.get("created", Boolean.class)) ? Outcome.CREATED : Outcome.UPDATED)
			.one()
			.defaultIfEmpty(Outcome.UNCHANGED);
	}

	private static DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name, Object value,
			Class<?> type) {
		return (value != null) ? spec.bind(name, value) : spec.bindNull(name, type);
	}

}
