package org.junheng.imports;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.junheng.security.Scope;
import org.junheng.system.SqlWhere;
import org.junheng.system.Text;
import org.junheng.teacher.Teacher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A staff list staged in a temporary table of the import's transaction, and everything done with
 * it in set-based statements, so that a province's 830,000 rows cost a few dozen statements and
 * no memory in Junheng: the checks across rows and against the database (each marks the rows it
 * refuses), and the writes. Teachers are found by staff number, or else, once, a teacher of the
 * school recorded without one by name, gender and birth year, who is given it.
 */
@Component
class StaffStage {

	/** A row as staged: its number, school code and staff number as written, and the teacher read (null: refused). */
	record Row(int row, String code, String staffNumber, TeacherRows.Parsed parsed) {
	}

	private static final String INSERT = """
			insert into staff_stage (row_number, school_code, school_year, staff_number, refused, name, gender, birth_year, subjects,
			  highest_degree, professional_title, backbone_level, backbone_valid_from, backbone_valid_until, has_certificate,
			  pe_specialist, music_specialist, art_specialist, training_hours_5y, joined_school_on)
			select r, nullif(c, ''), nullif(y, 0), nullif(sn, ''), x, nullif(n, ''), nullif(g, ''), nullif(b, 0),
			       string_to_array(sj, E'\\x1f'), nullif(d, ''), nullif(t, ''), nullif(l, ''), nullif(vf, '')::date,
			       nullif(vu, '')::date, ce, pe, mu, ar, tr, nullif(jo, '')::date
			from unnest(:rows::integer[], :codes::text[], :years::integer[], :staff::text[], :refused::boolean[], :names::text[],
			            :genders::text[], :births::integer[], :subjects::text[], :degrees::text[], :titles::text[], :levels::text[],
			            :froms::text[], :untils::text[], :certs::boolean[], :pes::boolean[], :musics::boolean[], :arts::boolean[],
			            :hours::integer[], :joined::text[])
			  as u (r, c, y, sn, x, n, g, b, sj, d, t, l, vf, vu, ce, pe, mu, ar, tr, jo)
			""";

	/** The checks across rows and against the database, in order; each refuses rows not refused before. */
	private static final List<String> CHECKS = List.of(
			// the same staff number twice in the file
			"""
			update staff_stage st set problem = 'duplicate', problem_arg = d.first::text from (
			  select row_number, first_value(row_number) over (partition by staff_number order by row_number) as first
			  from staff_stage where not refused) d
			where d.row_number = st.row_number and d.first <> st.row_number and st.problem is null
			""",
			// a school's list is of one school year
			"""
			update staff_stage st set problem = 'twoYears', problem_arg = y.first_row || '/' || y.first_year from (
			  select row_number, school_year, first_value(row_number) over w as first_row, first_value(school_year) over w as first_year
			  from staff_stage where not refused window w as (partition by school_code order by row_number)) y
			where y.row_number = st.row_number and y.school_year <> y.first_year and st.problem is null
			""",
			// a list older than one already committed for the school (said once, at the school's first row)
			"""
			update staff_stage st set problem = 'older', problem_arg = o.latest::text from (
			  select l.first_row, (select max(r.school_year) from import_row r join import_batch b on b.id = r.import_id
			                       where r.school_code = l.school_code and r.outcome in ('CREATED', 'UPDATED', 'UNCHANGED')
			                         and b.kind = 'TEACHERS' and b.status = 'COMMITTED') as latest, l.school_year
			  from (select school_code, min(row_number) as first_row, min(school_year) as school_year from staff_stage
			        where not refused group by school_code) l) o
			where o.first_row = st.row_number and o.latest > o.school_year and st.problem is null
			""",
			// a teacher still at another school, one the caller may not import for
			"""
			update staff_stage st set problem = 'elsewhere' from teacher t
			where t.id = st.teacher_id and not st.refused and st.problem is null and st.school_id is not null
			  and t.school_id <> st.school_id and t.left_school_on is null
			  and not exists (select 1 from school s where {scope})
			""",
			// a move into the school must come after the teacher joined the last one
			"""
			update staff_stage st set problem = 'joinedBefore', problem_arg = t.joined_school_on::text from teacher t
			where t.id = st.teacher_id and not st.refused and st.problem is null and st.school_id is not null
			  and t.school_id <> st.school_id and st.joined_school_on <= t.joined_school_on
			""");

	private static final String ADOPT = """
			update staff_stage st set teacher_id = m.id, adopted = true from (
			  select s2.row_number, min(t.id) as id from staff_stage s2
			  join teacher t on t.school_id = s2.school_id and t.staff_number is null and t.name = s2.name and t.gender = s2.gender
			                and t.birth_year = s2.birth_year
			  where s2.teacher_id is null and s2.school_id is not null and not s2.refused
			  group by s2.row_number having count(*) = 1) m
			where m.row_number = st.row_number
			""";

	private static final String CREATE = """
			with created as (
			  insert into teacher (school_id, name, gender, birth_year, subjects, highest_degree, professional_title, backbone_level,
			    backbone_valid_from, backbone_valid_until, has_certificate, pe_specialist, music_specialist, art_specialist,
			    training_hours_5y, joined_school_on, staff_number)
			  select school_id, name, gender, birth_year, subjects, highest_degree, professional_title, backbone_level,
			    backbone_valid_from, backbone_valid_until, has_certificate, pe_specialist, music_specialist, art_specialist,
			    training_hours_5y, joined_school_on, staff_number
			  from staff_stage where teacher_id is null order by row_number
			  returning id, staff_number)
			update staff_stage st set teacher_id = c.id, outcome = 'CREATED' from created c where c.staff_number = st.staff_number
			""";

	// The list says the teacher was there on the base date: a leaving day after it stays (the same
	// tenure), any other is cleared. A later joining day at another school starts a tenure (V10).
	private static final String UPDATE = """
			with wanted as (
			  select st.*, case when t.school_id = st.school_id and t.joined_school_on = st.joined_school_on
			                     and t.left_school_on > make_date(st.school_year, 9, 1) then t.left_school_on end as left_on
			  from staff_stage st join teacher t on t.id = st.teacher_id where st.outcome is null),
			changed as (
			  update teacher t set school_id = w.school_id, name = w.name, gender = w.gender, birth_year = w.birth_year,
			    subjects = w.subjects, highest_degree = w.highest_degree, professional_title = w.professional_title,
			    backbone_level = w.backbone_level, backbone_valid_from = w.backbone_valid_from,
			    backbone_valid_until = w.backbone_valid_until, has_certificate = w.has_certificate, pe_specialist = w.pe_specialist,
			    music_specialist = w.music_specialist, art_specialist = w.art_specialist, training_hours_5y = w.training_hours_5y,
			    joined_school_on = w.joined_school_on, left_school_on = w.left_on, staff_number = w.staff_number,
			    version = t.version + 1, updated_at = now()
			  from wanted w
			  where w.teacher_id = t.id
			    and (t.school_id, t.name, t.gender, t.birth_year, t.subjects, t.highest_degree, t.professional_title, t.backbone_level,
			         t.backbone_valid_from, t.backbone_valid_until, t.has_certificate, t.pe_specialist, t.music_specialist,
			         t.art_specialist, t.training_hours_5y, t.joined_school_on, t.left_school_on, t.staff_number)
			        is distinct from
			        (w.school_id, w.name, w.gender, w.birth_year, w.subjects, w.highest_degree, w.professional_title, w.backbone_level,
			         w.backbone_valid_from, w.backbone_valid_until, w.has_certificate, w.pe_specialist, w.music_specialist,
			         w.art_specialist, w.training_hours_5y, w.joined_school_on, w.left_on, w.staff_number)
			  returning t.id)
			update staff_stage st set outcome = 'UPDATED' from changed c where c.id = st.teacher_id
			""";

	// Teachers of a listed school missing from its list were not there on the base date: they left.
	// One who joined on the base date itself, or after it, is no one the list could name.
	private static final String LEAVERS = """
			with lists as (select distinct school_id, school_year from staff_stage),
			gone as (
			  update teacher t set left_school_on = make_date(l.school_year, 9, 1), version = t.version + 1, updated_at = now()
			  from lists l
			  where t.school_id = l.school_id and t.left_school_on is null and t.joined_school_on < make_date(l.school_year, 9, 1)
			    and not exists (select 1 from staff_stage st where st.teacher_id = t.id)
			  returning t.id)
			select count(*) as left_count from gone
			""";

	private final DatabaseClient db;

	StaffStage(DatabaseClient db) {
		this.db = db;
	}

	/** The stage, dropped at the end of the transaction; the import's statements may run longer than a request's. */
	Mono<Void> create() {
		return this.db.sql("set local statement_timeout = '15min'").then()
			.then(this.db.sql("""
					create temp table staff_stage (
					  row_number integer primary key, school_code text, school_year integer, staff_number text, refused boolean not null,
					  name text, gender text, birth_year integer, subjects text[], highest_degree text, professional_title text,
					  backbone_level text, backbone_valid_from date, backbone_valid_until date, has_certificate boolean,
					  pe_specialist boolean, music_specialist boolean, art_specialist boolean, training_hours_5y integer,
					  joined_school_on date, school_id bigint, teacher_id bigint, adopted boolean not null default false,
					  outcome text, problem text, problem_arg text
					) on commit drop""").then());
	}

	Mono<Void> insert(List<Row> rows) {
		int n = rows.size();
		Integer[] numbers = new Integer[n];
		String[] codes = new String[n];
		Integer[] years = new Integer[n];
		String[] staff = new String[n];
		Boolean[] refused = new Boolean[n];
		String[] names = new String[n];
		String[] genders = new String[n];
		Integer[] births = new Integer[n];
		String[] subjects = new String[n];
		String[] degrees = new String[n];
		String[] titles = new String[n];
		String[] levels = new String[n];
		String[] froms = new String[n];
		String[] untils = new String[n];
		Boolean[] certs = new Boolean[n];
		Boolean[] pes = new Boolean[n];
		Boolean[] musics = new Boolean[n];
		Boolean[] arts = new Boolean[n];
		Integer[] hours = new Integer[n];
		String[] joined = new String[n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			TeacherRows.Parsed parsed = row.parsed();
			Teacher t = (parsed != null) ? parsed.teacher() : null;
			numbers[i] = row.row();
			codes[i] = row.code();
			staff[i] = row.staffNumber();
			refused[i] = parsed == null;
			years[i] = (parsed != null) ? parsed.schoolYear() : 0;
			names[i] = (t != null) ? t.name() : "";
			genders[i] = (t != null) ? t.gender().name() : "";
			births[i] = (t != null) ? t.birthYear() : 0;
			subjects[i] = (t != null) ? String.join("\u001f", t.subjects()) : "";
			degrees[i] = (t != null) ? t.highestDegree().name() : "";
			titles[i] = (t != null) ? t.professionalTitle().name() : "";
			levels[i] = (t != null) ? t.backboneLevel().name() : "";
			froms[i] = (t != null && t.backboneValidFrom() != null) ? t.backboneValidFrom().toString() : "";
			untils[i] = (t != null && t.backboneValidUntil() != null) ? t.backboneValidUntil().toString() : "";
			certs[i] = t != null && t.hasCertificate();
			pes[i] = t != null && t.peSpecialist();
			musics[i] = t != null && t.musicSpecialist();
			arts[i] = t != null && t.artSpecialist();
			hours[i] = (t != null) ? t.trainingHours() : 0;
			joined[i] = (t != null) ? t.joinedSchoolOn().toString() : "";
		}
		return this.db.sql(INSERT).bind("rows", numbers).bind("codes", codes).bind("years", years).bind("staff", staff)
			.bind("refused", refused).bind("names", names).bind("genders", genders).bind("births", births).bind("subjects", subjects)
			.bind("degrees", degrees).bind("titles", titles).bind("levels", levels).bind("froms", froms).bind("untils", untils)
			.bind("certs", certs).bind("pes", pes).bind("musics", musics).bind("arts", arts).bind("hours", hours)
			.bind("joined", joined)
			.then();
	}

	/**
	 * Finds each row's school within the caller's scope and its teacher, then runs the checks;
	 * every refused row's problem joins {@code problems}. Staff-list imports take turns here, so
	 * that two lists of one school never interleave.
	 */
	Mono<Void> check(Scope scope, List<Sheet.Merge> merges, Problems problems) {
		SqlWhere schools = scope.onSchool(new SqlWhere().and("s.code = st.school_code and not st.refused"), "s.id");
		SqlWhere elsewhere = scope.onSchool(new SqlWhere().and("s.id = t.school_id"), "s.id");
		// Temporary tables are never analyzed on their own: without statistics PostgreSQL plans the
		// joins below as nested loops over a table it believes empty.
		Mono<Void> steps = this.db.sql("analyze staff_stage").then()
			.then(this.db.sql("select pg_advisory_xact_lock(7426014)").then())
			.then(schools.bind(this.db.sql("update staff_stage st set school_id = s.id from school s where " + schools.sql())).then())
			.then(this.db.sql("update staff_stage st set teacher_id = t.id from teacher t where t.staff_number = st.staff_number"
					+ " and not st.refused").then())
			.then(this.db.sql(ADOPT).then())
			// Two rows cannot both take one teacher recorded without a staff number.
			.then(this.db.sql("update staff_stage set teacher_id = null, adopted = false where adopted and teacher_id in"
					+ " (select teacher_id from staff_stage where adopted group by teacher_id having count(*) > 1)").then())
			.then(this.db.sql("update staff_stage set problem = 'unreachable' where not refused and school_id is null").then());
		for (String check : CHECKS) {
			String sql = check.replace("{scope}", elsewhere.sql());
			steps = steps.then(Mono.defer(() -> (sql.contains(":scope_") ? elsewhere.bind(this.db.sql(sql)) : this.db.sql(sql)).then()));
		}
		for (Sheet.Merge merge : merges) {
			steps = steps.then(this.db.sql("update staff_stage set problem = 'merged', problem_arg = :range where row_number between :first"
					+ " and :last and not refused and problem is null")
				.bind("range", merge.range()).bind("first", merge.firstRow()).bind("last", merge.lastRow()).then());
		}
		return steps.then(Mono.defer(() -> this.db.sql("select row_number, problem, problem_arg, school_code, school_year, staff_number,"
				+ " joined_school_on::text as joined from staff_stage where problem is not null order by row_number")
			.map((row) -> problem(row.get("row_number", Integer.class), row.get("problem", String.class),
					row.get("problem_arg", String.class), row.get("school_code", String.class), row.get("school_year", Integer.class),
					row.get("staff_number", String.class), row.get("joined", String.class)))
			.all()
			.doOnNext(problems::add)
			.then()));
	}

	private static Problem problem(int row, String kind, String arg, String code, Integer year, String staff, String joined) {
		Map.Entry<TeachersColumn, Text> what = switch (kind) {
			case "unreachable" -> Map.entry(TeachersColumn.CODE, Text.of("import.schoolUnreachable"));
			case "duplicate" -> Map.entry(TeachersColumn.STAFF_NUMBER, Text.of("import.duplicateStaff", Integer.parseInt(arg)));
			case "twoYears" -> Map.entry(TeachersColumn.SCHOOL_YEAR, Text.of("import.twoYears", Integer.parseInt(arg.split("/")[0]),
					Integer.parseInt(arg.split("/")[1])));
			case "older" -> Map.entry(TeachersColumn.SCHOOL_YEAR, Text.of("import.olderList", Integer.parseInt(arg)));
			case "elsewhere" -> Map.entry(TeachersColumn.STAFF_NUMBER, Text.of("import.teacherElsewhere"));
			case "joinedBefore" -> Map.entry(TeachersColumn.JOINED, Text.of("import.joinedBeforeEarlier", arg));
			default -> Map.entry(TeachersColumn.CODE, Text.of("import.mergedCells", arg));
		};
		String value = switch (what.getKey()) {
			case CODE -> code;
			case SCHOOL_YEAR -> String.valueOf(year);
			case JOINED -> joined;
			default -> staff;
		};
		return Problem.of(row, what.getKey().header, (value != null) ? value : "", what.getValue());
	}

	/**
	 * Writes every row and records the leavers, in this order: new teachers, changed teachers (a
	 * move is a change of school), then those no list named. Answers the teachers who left in [4].
	 */
	Mono<int[]> write() {
		return this.db.sql(CREATE).then()
			.then(this.db.sql(UPDATE).then())
			.then(this.db.sql("update staff_stage set outcome = 'UNCHANGED' where outcome is null").then())
			.then(this.db.sql(LEAVERS).map((row) -> row.get("left_count", Long.class)).one())
			.map((left) -> new int[] { 0, 0, 0, 0, left.intValue() });
	}

	/** Each row's outcome, kept with the import. */
	Mono<Void> outcomes(long id, boolean written) {
		return this.db.sql("insert into import_row (import_id, row_number, school_code, school_year, outcome, staff_number)"
				+ " select :id, row_number, school_code, school_year, case when refused or problem is not null then 'REFUSED'"
				+ " when :written then outcome else 'VALID' end, staff_number from staff_stage")
			.bind("id", id).bind("written", written).then();
	}

	/** Created, updated, unchanged and refused rows. */
	Mono<int[]> counts() {
		return this.db.sql("select count(*) filter (where outcome = 'CREATED') as created, count(*) filter (where outcome = 'UPDATED')"
				+ " as updated, count(*) filter (where outcome = 'UNCHANGED') as unchanged,"
				+ " count(*) filter (where refused or problem is not null) as refused from staff_stage")
			.map((row) -> new int[] { row.get("created", Long.class).intValue(), row.get("updated", Long.class).intValue(),
					row.get("unchanged", Long.class).intValue(), row.get("refused", Long.class).intValue() })
			.one();
	}

}
