package org.junheng.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The primary school of seed 003's self-report, with its reported figures: 45 classes, 1,963
 * students, 136 full-time teachers (all junior-college or above), 30 backbone, 24 PE and arts
 * teachers, 9,122.83 m² of teaching rooms, 17,455 m² of sports grounds, 5,252,925 yuan of
 * equipment, 50 networked multimedia classrooms, and three music and three art rooms of 60 m²
 * each. The rooms fail the standard (45 classes need 4 of each, of at least 96 and 90 m²), so the
 * demo always has a failing school to show.
 */
final class GoldenSchool {

	static final int STUDENTS = 1963;

	static final int TEACHERS = 136;

	static final int BACKBONE = 30;

	static final int PE_AND_ARTS = 24;

	/** 8, 8, 8, 7, 7 and 7 classes for grades 1 to 6: 45 classes, none over 45 students. */
	static final List<Integer> STUDENTS_BY_GRADE = List.of(350, 352, 348, 306, 305, 302);

	private static final List<Integer> CLASSES_BY_GRADE = List.of(8, 8, 8, 7, 7, 7);

	static final List<Integer> CLASS_SIZES = classSizes();

	private static final List<BigDecimal> ROOMS = Collections.nCopies(3, new BigDecimal("60.00"));

	private GoldenSchool() {
	}

	static Object[] conditions(long id, long schoolId, int year, List<Integer> studentsByGrade, List<Integer> classSizes) {
		return new Object[] { id, schoolId, year, studentsByGrade, classSizes, new BigDecimal("9122.83"),
				new BigDecimal("17455.00"), new BigDecimal("5252925.00"), 50, ROOMS, ROOMS, 58890 };
	}

	private static List<Integer> classSizes() {
		List<Integer> sizes = new ArrayList<>();
		for (int g = 0; g < STUDENTS_BY_GRADE.size(); g++) {
			int students = STUDENTS_BY_GRADE.get(g);
			int classes = CLASSES_BY_GRADE.get(g);
			for (int c = 0; c < classes; c++) {
				sizes.add(students / classes + ((c < students % classes) ? 1 : 0));
			}
		}
		return List.copyOf(sizes);
	}

}
