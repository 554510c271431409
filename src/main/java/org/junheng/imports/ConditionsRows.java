package org.junheng.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junheng.school.SchoolConditions;
import org.junheng.school.SchoolStage;
import org.junheng.system.Checks;
import org.junheng.system.InvalidInputException;
import org.junheng.system.Text;

/**
 * The rows of a conditions sheet as school years' conditions, each checked by the same rules as
 * {@code recordSchoolConditions} ({@link SchoolConditions#checkFigures}, {@link SchoolConditions#checkGrades}),
 * every broken one a {@link Problem} at its row and column.
 */
final class ConditionsRows {

	private static final Pattern CODE = Pattern.compile("[0-9]{10}");

	private ConditionsRows() {
	}

	/** A row read: its number, the school code and year it names, and its figures (school ID still unknown). */
	record Parsed(int row, String code, Integer schoolYear, SchoolConditions figures) {
	}

	/** The cells of a row as figures, or the problems that keep it from being read. */
	static Parsed parse(Sheet.Row row, List<Problem> problems) {
		String code = Cells.text(row.get(ConditionsColumn.CODE));
		if (!CODE.matcher(code).matches()) {
			problems.add(problem(row, ConditionsColumn.CODE, code.isEmpty() ? "import.required" : "check.schoolCode"));
		}
		Integer year = read(row, ConditionsColumn.SCHOOL_YEAR, problems, Cells::schoolYear);
		if (year == null && problems.stream().noneMatch((p) -> p.column().equals(ConditionsColumn.SCHOOL_YEAR.header))) {
			problems.add(problem(row, ConditionsColumn.SCHOOL_YEAR, "import.required"));
		}
		List<Integer> grades = grades(row, problems);
		List<Integer> classes = read(row, ConditionsColumn.CLASS_SIZES, problems, Cells::integers);
		BigDecimal teaching = read(row, ConditionsColumn.TEACHING_AREA, problems, Cells::decimal);
		BigDecimal sports = read(row, ConditionsColumn.SPORTS_AREA, problems, Cells::decimal);
		BigDecimal equipment = read(row, ConditionsColumn.EQUIPMENT_VALUE, problems, Cells::decimal);
		Integer multimedia = read(row, ConditionsColumn.MULTIMEDIA_CLASSROOMS, problems, Cells::integer);
		List<BigDecimal> music = read(row, ConditionsColumn.MUSIC_ROOMS, problems, Cells::decimals);
		List<BigDecimal> art = read(row, ConditionsColumn.ART_ROOMS, problems, Cells::decimals);
		Integer books = read(row, ConditionsColumn.BOOKS, problems, Cells::integer);
		if (!problems.isEmpty()) {
			return null;
		}
		SchoolConditions figures = new SchoolConditions(null, null, year, grades, classes, teaching, sports, equipment, multimedia,
				music, art, books, null);
		check(row, problems, () -> figures.checkFigures(Checks.arguments()).validate());
		return problems.isEmpty() ? new Parsed(row.number(), code, year, figures) : null;
	}

	/** The school's own rules, once its stage is known. */
	static void checkGrades(Parsed parsed, Sheet.Row row, SchoolStage stage, List<Problem> problems) {
		check(row, problems, () -> parsed.figures().checkGrades(Checks.arguments(), stage).validate());
	}

	private static void check(Sheet.Row row, List<Problem> problems, Runnable checks) {
		try {
			checks.run();
		}
		catch (InvalidInputException invalid) {
			for (InvalidInputException.Problem problem : invalid.problems()) {
				ConditionsColumn column = ConditionsColumn.of(problem.field());
				problems.add(Problem.of(row.number(), column.header, shown(row, column), problem.message()));
			}
		}
	}

	/** Grades from the first filled grade column to the last: a junior school fills 七 to 九. */
	private static List<Integer> grades(Sheet.Row row, List<Problem> problems) {
		Map<Integer, Integer> filled = new HashMap<>();
		for (int i = 0; i < ConditionsColumn.GRADES.size(); i++) {
			Integer students = read(row, ConditionsColumn.GRADES.get(i), problems, Cells::integer);
			if (students != null) {
				filled.put(i, students);
			}
		}
		List<Integer> grades = new ArrayList<>();
		if (filled.isEmpty()) {
			return grades;
		}
		int first = filled.keySet().stream().min(Integer::compare).get();
		int last = filled.keySet().stream().max(Integer::compare).get();
		for (int i = first; i <= last; i++) {
			if (!filled.containsKey(i)) {
				problems.add(problem(row, ConditionsColumn.GRADES.get(i), "import.gradeGap"));
				return grades;
			}
			grades.add(filled.get(i));
		}
		return grades;
	}

	interface Reader<T> {

		T read(String raw) throws Refused;

	}

	private static <T> T read(Sheet.Row row, ConditionsColumn column, List<Problem> problems, Reader<T> reader) {
		try {
			return reader.read(row.get(column));
		}
		catch (Refused refused) {
			problems.add(problem(row, column, refused.key));
			return null;
		}
	}

	static Problem problem(Sheet.Row row, ConditionsColumn column, String key, Object... args) {
		return Problem.of(row.number(), column.header, shown(row, column), Text.of(key, args));
	}

	private static String shown(Sheet.Row row, ConditionsColumn column) {
		return Cells.text(row.get(column));
	}

}
