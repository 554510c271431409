package org.junheng.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One county's schools as a county really has them: a few large urban schools, a central primary
 * and a junior or nine-year school per town, and many small village primaries. Plain data, made
 * by a seeded generator so every run makes the same county.
 */
final class DemoCounty {

	/** The school year the demo stands in (2026-2027) and the one before it. */
	static final int YEAR = 2026;

	record SchoolSpec(long id, String code, String name, String stage, String locality, String regionCode,
			boolean boarding, int students, int classSize, boolean golden) {

		int grades() {
			return switch (this.stage) {
				case "PRIMARY" -> 6;
				case "JUNIOR" -> 3;
				case "NINE_YEAR" -> 9;
				default -> 12;
			};
		}

		boolean junior() {
			return "JUNIOR".equals(this.stage);
		}

	}

	private final String regionCode;

	private final String countyName;

	private final boolean golden;

	private final RandomGenerator random;

	DemoCounty(String regionCode, String countyName, boolean golden, RandomGenerator random) {
		this.regionCode = regionCode;
		this.countyName = countyName;
		this.golden = golden;
		this.random = random;
	}

	/** The county's schools, numbered from {@code firstId}. */
	List<SchoolSpec> schools(long firstId) {
		List<SchoolSpec> schools = new ArrayList<>();
		String[] ordinals = { "第一", "第二", "第三", "第四", "第五", "第六" };
		for (String ordinal : ordinals) {
			add(schools, firstId, this.countyName + ordinal + "小学", "PRIMARY", "URBAN", between(1500, 2400), between(44, 54));
		}
		if (this.golden) {
			// Seed 003's school: its figures are fixed by GoldenSchool, not drawn.
			long id = firstId + schools.size();
			schools.add(new SchoolSpec(id, code(schools.size()), this.countyName + "实验小学", "PRIMARY", "URBAN", this.regionCode,
					false, GoldenSchool.STUDENTS, 44, true));
		}
		else {
			add(schools, firstId, this.countyName + "实验小学", "PRIMARY", "URBAN", between(1600, 2200), between(42, 48));
		}
		for (int i = 0; i < 3; i++) {
			add(schools, firstId, this.countyName + ordinals[i] + "中学", "JUNIOR", "URBAN", between(1200, 2100), between(46, 55));
		}
		add(schools, firstId, this.countyName + "实验学校", "NINE_YEAR", "URBAN", between(1800, 2600), between(44, 50));
		add(schools, firstId, this.countyName + "育才学校", "TWELVE_YEAR", "URBAN", between(2200, 2900), between(45, 52));
		for (int t = 0; t < DemoNames.TOWNS.size(); t++) {
			String town = DemoNames.TOWNS.get(t) + "镇";
			add(schools, firstId, town + "中心小学", "PRIMARY", "TOWN", between(450, 1100), between(35, 46));
			if (t < 12) {
				add(schools, firstId, town + "初级中学", "JUNIOR", "TOWN", between(350, 900), between(38, 50));
			}
			else {
				add(schools, firstId, town + "九年一贯制学校", "NINE_YEAR", "TOWN", between(300, 800), between(30, 45));
			}
		}
		for (int v = 0; schools.size() < 120; v++) {
			String town = DemoNames.TOWNS.get(v % DemoNames.TOWNS.size());
			String village = DemoNames.VILLAGES.get(v % DemoNames.VILLAGES.size());
			String name = town + "镇" + village + "村小学" + ((v >= DemoNames.VILLAGES.size()) ? "（" + (v / DemoNames.VILLAGES.size() + 1) + "）" : "");
			int students = (v % 9 == 0) ? between(25, 60) : between(60, 320);
			add(schools, firstId, name, "PRIMARY", "RURAL", students, between(12, 34));
		}
		return schools;
	}

	private void add(List<SchoolSpec> schools, long firstId, String name, String stage, String locality, int students,
			int classSize) {
		long id = firstId + schools.size();
		boolean boarding = !"URBAN".equals(locality) && this.random.nextInt(3) == 0;
		schools.add(new SchoolSpec(id, code(schools.size()), name, stage, locality, this.regionCode, boarding, students,
				classSize, false));
	}

	/** 学校标识码: 10 digits, here 2 + the county's six-digit code + a serial. */
	private String code(int index) {
		return "2" + this.regionCode + String.format("%03d", index + 1);
	}

	/** Students per grade for one year: the school's size spread over its grades, a little uneven. */
	List<Integer> studentsByGrade(SchoolSpec school, int year) {
		if (school.golden() && year == YEAR) {
			return GoldenSchool.STUDENTS_BY_GRADE;
		}
		double scale = (year == YEAR) ? 1.0 : 0.97;
		int grades = school.grades();
		List<Integer> byGrade = new ArrayList<>();
		for (int g = 0; g < grades; g++) {
			double share = school.students() * scale / grades * (0.9 + 0.2 * this.random.nextDouble());
			byGrade.add(Math.max(1, (int) Math.round(share)));
		}
		return byGrade;
	}

	/** Class sizes of one year: each grade split into as few classes as its class size allows. */
	List<Integer> classSizes(SchoolSpec school, List<Integer> studentsByGrade) {
		if (school.golden() && studentsByGrade.equals(GoldenSchool.STUDENTS_BY_GRADE)) {
			return GoldenSchool.CLASS_SIZES;
		}
		List<Integer> sizes = new ArrayList<>();
		for (int students : studentsByGrade) {
			int classes = Math.max(1, (int) Math.ceil(students / (double) school.classSize()));
			for (int c = 0; c < classes; c++) {
				sizes.add(students / classes + ((c < students % classes) ? 1 : 0));
			}
		}
		return sizes;
	}

	/** 办学条件 figures of one year, drawn per locality; some schools fall short on purpose. */
	Object[] conditions(long id, SchoolSpec school, int year, List<Integer> studentsByGrade, List<Integer> classSizes) {
		int students = studentsByGrade.stream().mapToInt(Integer::intValue).sum();
		double growth = (year == YEAR) ? 1.0 : 0.96;
		if (school.golden() && year == YEAR) {
			return GoldenSchool.conditions(id, school.id(), year, studentsByGrade, classSizes);
		}
		boolean rural = "RURAL".equals(school.locality());
		boolean urban = "URBAN".equals(school.locality());
		double teaching = (school.junior() ? 5.2 : 4.0) + this.random.nextDouble() * (rural ? 4.5 : 2.4);
		double sports = (urban ? 5.5 : 8.0) + this.random.nextDouble() * (rural ? 14 : 7);
		double equipment = (school.junior() ? 2200 : 1700) + this.random.nextDouble() * 2200;
		double multimedia = (rural ? 1.6 : 2.0) + this.random.nextDouble() * 1.6;
		int classes = classSizes.size();
		int roomsNeeded = (int) Math.ceil(classes / 12.0);
		int musicRooms = Math.max(1, roomsNeeded - (this.random.nextInt(5) == 0 ? 1 : 0));
		int artRooms = Math.max(1, roomsNeeded - (this.random.nextInt(5) == 0 ? 1 : 0));
		return new Object[] { id, school.id(), year, studentsByGrade, classSizes,
				money(teaching * students * growth), money(sports * students), money(equipment * students * growth),
				Math.max(1, (int) Math.round(multimedia * students / 100.0)), rooms(musicRooms, 70, 120),
				rooms(artRooms, 66, 115), students * between(18, 45) };
	}

	/** How many full-time teachers a school of this size has. */
	int teacherCount(SchoolSpec school) {
		if (school.golden()) {
			return GoldenSchool.TEACHERS;
		}
		double ratio = school.junior() ? 10 : ("RURAL".equals(school.locality()) ? 10.5 : 14);
		return Math.max(school.grades(), (int) Math.round(school.students() / ratio));
	}

	private List<BigDecimal> rooms(int count, int minArea, int maxArea) {
		List<BigDecimal> areas = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			areas.add(BigDecimal.valueOf(between(minArea, maxArea)));
		}
		return areas;
	}

	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	private int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	static LocalDate yearStart(int year) {
		return LocalDate.of(year, 9, 1);
	}

}
