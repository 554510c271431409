package org.junheng.indicator;

import java.util.List;

/** The figures of one stage of one school, after shared resources were split by enrollment. */
record SegmentFigures(long schoolId, Segment segment, int students, List<Integer> classSizes, double qualifiedTeachers,
		double backboneTeachers, double peAndArtsTeachers, Double teachingArea, Double sportsArea, Double equipmentValue,
		Double multimediaClassrooms) {
}
