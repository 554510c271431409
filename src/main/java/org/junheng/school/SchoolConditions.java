package org.junheng.school;

import java.math.BigDecimal;
import java.util.List;

import io.r2dbc.spi.Readable;

import org.junheng.security.SchoolOwned;
import org.junheng.system.Checks;
import org.junheng.system.Text;
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

	/**
	 * The rules of a year's figures, whatever brings them (the API, an import): each broken one
	 * goes into {@code checks} under its field's name.
	 */
	public Checks checkFigures(Checks checks) {
		return checks.schoolYear(this.schoolYear, "schoolYear")
			.require(!this.studentsByGrade.isEmpty(), "studentsByGrade", "check.gradesListed")
			.require(this.studentsByGrade.stream().allMatch((n) -> n != null && n >= 0), "studentsByGrade", "check.negative")
			.require(this.classSizes.stream().allMatch((n) -> n != null && n > 0), "classSizes", "check.allPositive")
			.require(sum(this.classSizes) == sum(this.studentsByGrade), "classSizes", "check.classSizesSum", sum(this.studentsByGrade))
			.notNegative(this.teachingArea, "teachingArea")
			.atMost(this.teachingArea, 1e9, "teachingArea")
			.notNegative(this.sportsArea, "sportsArea")
			.atMost(this.sportsArea, 1e9, "sportsArea")
			.notNegative(this.equipmentValue, "equipmentValue")
			.atMost(this.equipmentValue, 1e11, "equipmentValue")
			.notNegative(this.multimediaClassrooms, "multimediaClassrooms")
			.notNegative(this.books, "books")
			.require(this.musicRoomAreas.stream().allMatch((a) -> a.signum() > 0), "musicRoomAreas", "check.allPositive")
			.require(this.musicRoomAreas.stream().allMatch((a) -> a.doubleValue() < 1e5), "musicRoomAreas", "check.roomArea")
			.require(this.artRoomAreas.stream().allMatch((a) -> a.signum() > 0), "artRoomAreas", "check.allPositive")
			.require(this.artRoomAreas.stream().allMatch((a) -> a.doubleValue() < 1e5), "artRoomAreas", "check.roomArea");
	}

	/** Its grades against the school's stage: a primary school lists 5 or 6, a nine-year school 9. */
	public Checks checkGrades(Checks checks, SchoolStage stage) {
		return checks.require(stage.allowsGrades(this.studentsByGrade.size()), "studentsByGrade", "check.gradesForStage",
				stage.gradesText(), Text.of("stage." + stage));
	}

	private static int sum(List<Integer> values) {
		return values.stream().mapToInt((n) -> (n != null) ? n : 0).sum();
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
