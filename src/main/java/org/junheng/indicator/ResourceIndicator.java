package org.junheng.indicator;

import java.util.function.Function;

import org.junheng.system.Text;

/**
 * The seven resource indicators of the national standard, each computed from a segment's raw
 * figures: never from a school's own rounded ratios. A missing figure, or a segment without
 * students, gives no value ("no data"), never 0.
 */
enum ResourceIndicator {

	QUALIFIED_TEACHERS((f) -> per100(f.qualifiedTeachers(), f.students())),
	BACKBONE_TEACHERS((f) -> per100(f.backboneTeachers(), f.students())),
	PE_ARTS_TEACHERS((f) -> per100(f.peAndArtsTeachers(), f.students())),
	TEACHING_AREA((f) -> perStudent(f.teachingArea(), f.students())),
	SPORTS_AREA((f) -> perStudent(f.sportsArea(), f.students())),
	EQUIPMENT_VALUE((f) -> perStudent(f.equipmentValue(), f.students())),
	MULTIMEDIA_CLASSROOMS((f) -> per100(f.multimediaClassrooms(), f.students()));

	private final Function<SegmentFigures, Double> value;

	ResourceIndicator(Function<SegmentFigures, Double> value) {
		this.value = value;
	}

	/** The indicator as people say it, e.g. 每百名学生拥有县级以上骨干教师数. */
	Text text() {
		return Text.of("indicator." + name());
	}

	Double value(SegmentFigures figures) {
		return this.value.apply(figures);
	}

	private static Double per100(Double amount, int students) {
		return (amount == null || students <= 0) ? null : amount * 100 / students;
	}

	private static Double perStudent(Double amount, int students) {
		return (amount == null || students <= 0) ? null : amount / students;
	}

}
