package org.junheng.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junheng.teacher.BackboneLevel;
import org.junheng.teacher.Degree;
import org.junheng.teacher.Gender;
import org.junheng.teacher.ProfessionalTitle;
import org.junheng.teacher.Teacher;
import org.junheng.system.Checks;
import org.junheng.system.InvalidInputException;
import org.junheng.system.Text;

/**
 * The rows of a staff list as teachers, each checked by the same rules as {@code createTeacher}
 * ({@link Teacher#check}) and by the list's own: the staff number is required, and a teacher on
 * the list joined the school by the year's base date. Every broken rule is a {@link Problem} at
 * its row and column.
 */
final class TeacherRows {

	private static final Pattern CODE = Pattern.compile("[0-9]{10}");

	private TeacherRows() {
	}

	/** A row read: its number, the school code and year it names, and the teacher (no ID or school yet). */
	record Parsed(int row, String code, int schoolYear, Teacher teacher) {

		/** The statistics base date of the list's school year. */
		LocalDate baseDate() {
			return LocalDate.of(this.schoolYear, 9, 1);
		}

	}

	/** The cells of a row as a teacher, or null with the problems that keep it from being read. */
	static Parsed parse(Sheet.Row row, List<Problem> problems) {
		int before = problems.size();
		String code = Cells.text(row.get(TeachersColumn.CODE.header));
		if (!CODE.matcher(code).matches()) {
			problems.add(problem(row, TeachersColumn.CODE, code.isEmpty() ? "import.required" : "check.schoolCode"));
		}
		Integer year = required(row, TeachersColumn.SCHOOL_YEAR, problems, Cells::schoolYear);
		String staff = required(row, TeachersColumn.STAFF_NUMBER, problems, (raw) -> Cells.text(raw).isEmpty() ? null : Cells.text(raw));
		String name = required(row, TeachersColumn.NAME, problems, (raw) -> Cells.text(raw).isEmpty() ? null : Cells.text(raw));
		String gender = required(row, TeachersColumn.GENDER, problems, (raw) -> choice(raw, TeachersColumn.GENDER));
		Integer birthYear = required(row, TeachersColumn.BIRTH_YEAR, problems, Cells::year);
		String degree = required(row, TeachersColumn.DEGREE, problems, (raw) -> choice(raw, TeachersColumn.DEGREE));
		String title = read(row, TeachersColumn.TITLE, problems, (raw) -> choice(raw, TeachersColumn.TITLE));
		List<String> subjects = read(row, TeachersColumn.SUBJECTS, problems, Cells::words);
		String level = read(row, TeachersColumn.BACKBONE, problems, (raw) -> choice(raw, TeachersColumn.BACKBONE));
		LocalDate from = read(row, TeachersColumn.BACKBONE_FROM, problems, Cells::date);
		LocalDate until = read(row, TeachersColumn.BACKBONE_UNTIL, problems, Cells::date);
		String certificate = read(row, TeachersColumn.CERTIFICATE, problems, (raw) -> choice(raw, TeachersColumn.CERTIFICATE));
		String pe = read(row, TeachersColumn.PE, problems, (raw) -> choice(raw, TeachersColumn.PE));
		String music = read(row, TeachersColumn.MUSIC, problems, (raw) -> choice(raw, TeachersColumn.MUSIC));
		String art = read(row, TeachersColumn.ART, problems, (raw) -> choice(raw, TeachersColumn.ART));
		Integer training = read(row, TeachersColumn.TRAINING, problems, Cells::integer);
		LocalDate joined = required(row, TeachersColumn.JOINED, problems, Cells::date);
		if (problems.size() > before) {
			return null;
		}
		Teacher teacher = new Teacher(null, null, name, Gender.valueOf(gender), birthYear, subjects, Degree.valueOf(degree),
				(title != null) ? ProfessionalTitle.valueOf(title) : ProfessionalTitle.NONE,
				(level != null) ? BackboneLevel.valueOf(level) : BackboneLevel.NONE, from, until, !"false".equals(certificate),
				"true".equals(pe), "true".equals(music), "true".equals(art), (training != null) ? training : 0, joined, null, staff, null);
		Checks checks = teacher.check(Checks.arguments())
			.schoolYear(year, "schoolYear")
			.require(!joined.isAfter(LocalDate.of(year, 9, 1)), "joinedSchoolOn", "import.joinedAfterBase", LocalDate.of(year, 9, 1));
		try {
			checks.validate();
		}
		catch (InvalidInputException invalid) {
			for (InvalidInputException.Problem problem : invalid.problems()) {
				TeachersColumn column = TeachersColumn.of(problem.field());
				problems.add(Problem.of(row.number(), column.header, shown(row, column), problem.message()));
			}
			return null;
		}
		return new Parsed(row.number(), code, year, teacher);
	}

	private static String choice(String raw, TeachersColumn column) throws Refused {
		try {
			return Cells.choice(raw, column.choices);
		}
		catch (Refused refused) {
			throw new Refused.WithArgs("import.notChoice", String.join("、", column.labels()));
		}
	}

	private static <T> T required(Sheet.Row row, TeachersColumn column, List<Problem> problems, ConditionsRows.Reader<T> reader) {
		int before = problems.size();
		T value = read(row, column, problems, reader);
		if (value == null && problems.size() == before) {
			problems.add(problem(row, column, "import.required"));
		}
		return value;
	}

	private static <T> T read(Sheet.Row row, TeachersColumn column, List<Problem> problems, ConditionsRows.Reader<T> reader) {
		try {
			return reader.read(row.get(column.header));
		}
		catch (Refused refused) {
			problems.add(problem(row, column, refused.key, refused.args()));
			return null;
		}
	}

	static Problem problem(Sheet.Row row, TeachersColumn column, String key, Object... args) {
		return Problem.of(row.number(), column.header, shown(row, column), Text.of(key, args));
	}

	private static String shown(Sheet.Row row, TeachersColumn column) {
		return Cells.text(row.get(column.header));
	}

}
