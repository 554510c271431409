package org.junheng.indicator;

import java.util.ArrayList;
import java.util.List;

import org.junheng.system.Text;

/**
 * A government-guarantee item that a school's own data decides: music and art rooms (one of each
 * per 12 classes, rounded up, each of at least the set area), school size, class size per stage,
 * teaching certificates and five-year training.
 */
record GuaranteeItem(String code, Boolean met, Double value, double required, Text detail) {

	static List<GuaranteeItem> of(SchoolFigures school, Thresholds thresholds) {
		List<GuaranteeItem> items = new ArrayList<>();
		int classes = school.compulsoryClasses();
		int needed = (int) Math.ceil(classes / thresholds.value("ROOMS_PER_CLASSES"));
		items.add(rooms("MUSIC_ROOMS", "guarantee.musicRooms", school.musicRoomAreas(), needed, classes, thresholds.value("MUSIC_ROOM_AREA")));
		items.add(rooms("ART_ROOMS", "guarantee.artRooms", school.artRoomAreas(), needed, classes, thresholds.value("ART_ROOM_AREA")));
		double size = thresholds.value(school.combined() ? "COMBINED_SCHOOL_SIZE" : "SCHOOL_SIZE");
		int students = school.compulsoryStudents();
		items.add(new GuaranteeItem("SCHOOL_SIZE", Precision.atMost(students, size), (double) students, size,
				Text.of("guarantee.schoolSize", students, SegmentEvaluation.trim(size))));
		for (SegmentFigures segment : school.segments()) {
			double limit = thresholds.value("CLASS_SIZE", segment.segment());
			if (segment.classSizes() == null) {
				items.add(new GuaranteeItem("CLASS_SIZE_" + segment.segment(), null, null, limit,
						Text.of("guarantee.classSizesMissing")));
			}
			else {
				int largest = segment.classSizes().stream().mapToInt(Integer::intValue).max().orElse(0);
				items.add(new GuaranteeItem("CLASS_SIZE_" + segment.segment(), Precision.atMost(largest, limit), (double) largest, limit,
						Text.of("guarantee.classSize", Text.of("segment." + segment.segment()), largest, SegmentEvaluation.trim(limit))));
			}
		}
		items.add(rate("CERTIFICATE_RATE", school.certified(), school.teachers(), thresholds.value("CERTIFICATE_RATE"),
				Text.of("guarantee.certified")));
		items.add(rate("TRAINING_COMPLETION", school.trained(), school.teachers(), thresholds.value("TRAINING_COMPLETION"),
				Text.of("guarantee.trained", SegmentEvaluation.trim(thresholds.value("TRAINING_HOURS")))));
		return List.copyOf(items);
	}

	/** {@code rooms} is the message key of the item in words: n rooms, n needed for n classes, and the smallest room. */
	private static GuaranteeItem rooms(String code, String rooms, List<Double> areas, int needed, int classes, double area) {
		double smallest = areas.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		boolean enough = areas.size() >= needed;
		boolean large = areas.stream().allMatch((a) -> Precision.atLeast(a, area));
		Text detail = areas.isEmpty() ? Text.of(rooms, areas.size(), needed, classes)
				: Text.of("guarantee.roomsAndArea", Text.of(rooms, areas.size(), needed, classes), SegmentEvaluation.trim(smallest),
						SegmentEvaluation.trim(area));
		return new GuaranteeItem(code, enough && large, (double) areas.size(), needed, detail);
	}

	private static GuaranteeItem rate(String code, int count, int teachers, double required, Text what) {
		if (teachers == 0) {
			return new GuaranteeItem(code, null, null, required, Text.of("guarantee.noTeachers"));
		}
		double rate = (double) count / teachers;
		return new GuaranteeItem(code, Precision.atLeast(rate, required), rate, required, Text.of("guarantee.rate", count, teachers, what));
	}

}
