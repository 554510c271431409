package org.junheng.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * The base figures of one school in one school year: its conditions and counts of its teachers.
 * Resources a nine- or twelve-year school shares between stages are split by enrollment (the
 * standard's default), teachers above the legal minimum degree counted against each stage's
 * minimum.
 */
record SchoolFigures(long schoolId, String name, String regionCode, String stage, List<Integer> studentsByGrade,
		List<Integer> classSizes, Double teachingArea, Double sportsArea, Double equipmentValue,
		Integer multimediaClassrooms, List<Double> musicRoomAreas, List<Double> artRoomAreas, int teachers,
		int associateOrAbove, int bachelorOrAbove, int backbone, int peAndArts, int certified, int trained) {

	/**
	 * The same school with teachers added (or, negative, taken away): what moving them would make
	 * of its counts. {@code qualifiedPrimary} counts junior-college-or-higher degrees,
	 * {@code qualifiedJunior} bachelor-or-higher.
	 */
	SchoolFigures withTeachers(int teachers, int qualifiedPrimary, int qualifiedJunior, int backbone, int peAndArts) {
		return new SchoolFigures(this.schoolId, this.name, this.regionCode, this.stage, this.studentsByGrade, this.classSizes,
				this.teachingArea, this.sportsArea, this.equipmentValue, this.multimediaClassrooms, this.musicRoomAreas,
				this.artRoomAreas, this.teachers + teachers, this.associateOrAbove + qualifiedPrimary,
				this.bachelorOrAbove + qualifiedJunior, this.backbone + backbone, this.peAndArts + peAndArts, this.certified,
				this.trained);
	}

	int students() {
		return this.studentsByGrade.stream().mapToInt(Integer::intValue).sum();
	}

	/** The grades the standard judges: all of them but a twelve-year school's senior grades. */
	int compulsoryStudents() {
		return segments().stream().mapToInt(SegmentFigures::students).sum();
	}

	int compulsoryClasses() {
		List<List<Integer>> byGrade = classesByGrade();
		if (byGrade == null) {
			return this.classSizes.size();
		}
		return byGrade.subList(0, Math.min(9, byGrade.size())).stream().mapToInt(List::size).sum();
	}

	boolean combined() {
		return "NINE_YEAR".equals(this.stage) || "TWELVE_YEAR".equals(this.stage);
	}

	List<SegmentFigures> segments() {
		List<SegmentFigures> segments = new ArrayList<>();
		switch (this.stage) {
			case "PRIMARY" -> segments.add(segment(Segment.PRIMARY, 0, this.studentsByGrade.size()));
			case "JUNIOR" -> segments.add(segment(Segment.JUNIOR, 0, this.studentsByGrade.size()));
			default -> {
				segments.add(segment(Segment.PRIMARY, Segment.PRIMARY.firstGrade, Segment.PRIMARY.endGrade));
				segments.add(segment(Segment.JUNIOR, Segment.JUNIOR.firstGrade, Segment.JUNIOR.endGrade));
			}
		}
		return segments;
	}

	private SegmentFigures segment(Segment segment, int fromGrade, int toGrade) {
		int total = students();
		int to = Math.min(toGrade, this.studentsByGrade.size());
		int students = this.studentsByGrade.subList(Math.min(fromGrade, to), to).stream().mapToInt(Integer::intValue).sum();
		double share = (total > 0) ? (double) students / total : 0;
		List<List<Integer>> byGrade = classesByGrade();
		List<Integer> classes = (byGrade == null) ? null
				: byGrade.subList(Math.min(fromGrade, to), to).stream().flatMap(List::stream).toList();
		int qualified = (segment == Segment.PRIMARY) ? this.associateOrAbove : this.bachelorOrAbove;
		return new SegmentFigures(this.schoolId, segment, students, classes, qualified * share, this.backbone * share,
				this.peAndArts * share, scaled(this.teachingArea, share), scaled(this.sportsArea, share),
				scaled(this.equipmentValue, share),
				(this.multimediaClassrooms != null) ? this.multimediaClassrooms * share : null);
	}

	/**
	 * Classes grade by grade, as recorded (class sizes are listed in grade order and add up grade
	 * by grade); null when they do not, so no class is put in the wrong stage.
	 */
	List<List<Integer>> classesByGrade() {
		List<List<Integer>> byGrade = new ArrayList<>();
		int next = 0;
		for (int students : this.studentsByGrade) {
			List<Integer> grade = new ArrayList<>();
			int sum = 0;
			while (sum < students && next < this.classSizes.size()) {
				sum += this.classSizes.get(next++);
				grade.add(this.classSizes.get(next - 1));
			}
			if (sum != students) {
				return null;
			}
			byGrade.add(grade);
		}
		return (next == this.classSizes.size()) ? byGrade : null;
	}

	private static Double scaled(Double value, double share) {
		return (value != null) ? value * share : null;
	}

}
