package org.junheng.school;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.List;

import org.junheng.security.SchoolOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 办学条件 of one school year. Figures the school did not report stay null ("no data"), never 0.
 */
@Table("school_conditions")
public record SchoolConditions(@Id Long id, Long schoolId, Integer schoolYear, List<Integer> studentsByGrade,
		List<Integer> classSizes, BigDecimal teachingArea, BigDecimal sportsArea, BigDecimal equipmentValue,
		Integer multimediaClassrooms, List<BigDecimal> musicRoomAreas, List<BigDecimal> artRoomAreas, Integer books,
		@Version Integer version) implements SchoolOwned {

	@Override
	public java.util.List<Long> schoolIds() {
		return java.util.List.of(this.schoolId);
	}


	public int students() {
		return this.studentsByGrade.stream().mapToInt(Integer::intValue).sum();
	}

	public int classes() {
		return this.classSizes.size();
	}

	public Integer largestClass() {
		return this.classSizes.stream().max(Integer::compare).orElse(null);
	}

	SchoolConditions withId(Long id, Integer version) {
		return new SchoolConditions(id, this.schoolId, this.schoolYear, this.studentsByGrade, this.classSizes,
				this.teachingArea, this.sportsArea, this.equipmentValue, this.multimediaClassrooms, this.musicRoomAreas,
				this.artRoomAreas, this.books, version);
	}


	static SchoolConditions from(Readable row) {
		return new SchoolConditions(row.get("id", Long.class), row.get("school_id", Long.class),
				row.get("school_year", Integer.class), List.of(row.get("students_by_grade", Integer[].class)),
				List.of(row.get("class_sizes", Integer[].class)), row.get("teaching_area", BigDecimal.class),
				row.get("sports_area", BigDecimal.class), row.get("equipment_value", BigDecimal.class),
				row.get("multimedia_classrooms", Integer.class), List.of(row.get("music_room_areas", BigDecimal[].class)),
				List.of(row.get("art_room_areas", BigDecimal[].class)), row.get("books", Integer.class),
				row.get("version", Integer.class));
	}

}
