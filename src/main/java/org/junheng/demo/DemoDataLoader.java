package org.junheng.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.junheng.demo.DemoCounty.SchoolSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo county into an empty database, right after Flyway's migrations and over
 * Flyway's own connection, so no request can see a half-loaded county. With
 * {@code junheng.demo.counties} above 1 it builds a province of that many counties for the
 * benchmark. The county's plan (seed 002) is data: {@code db/demo/seed-002-plan.sql}.
 */
@Component
@Conditional(DemoDataEnabled.class)
class DemoDataLoader implements Callback {

	static final String COUNTY = "511921";

	private static final Log logger = LogFactory.getLog(DemoDataLoader.class);

	private final int counties;

	DemoDataLoader(@Value("${junheng.demo.counties:1}") int counties) {
		this.counties = counties;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public String getCallbackName() {
		return "junheng-demo-data";
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			Connection connection = context.getConnection();
			// Replicas started together (docker compose --scale) may all be asked for the demo data:
			// one loads it, the others wait here for its commit and then find the database full.
			// Flyway's own lock is not documented to cover AFTER_MIGRATE callbacks. The lock lasts
			// until this transaction commits (without one: until Flyway closes its connection).
			try (Statement statement = connection.createStatement()) {
				statement.execute(connection.getAutoCommit() ? "select pg_advisory_lock(7426002)"
						: "select pg_advisory_xact_lock(7426002)");
			}
			try (Statement statement = connection.createStatement();
					var rows = statement.executeQuery("select exists (select 1 from region)")) {
				rows.next();
				if (rows.getBoolean(1)) {
					return;
				}
			}
			long started = System.nanoTime();
			load(connection);
			logger.info("Loaded demo data (" + this.counties + " counties) in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not load the demo data", ex);
		}
	}

	private void load(Connection connection) throws SQLException, IOException {
		CopyIn regions = new CopyIn(connection, "region", "code, name, level, parent_code, path");
		CopyIn schools = new CopyIn(connection, "school", "id, code, name, stage, locality, region_code, boarding");
		CopyIn conditions = new CopyIn(connection, "school_conditions", "id, school_id, school_year, students_by_grade, "
				+ "class_sizes, teaching_area, sports_area, equipment_value, multimedia_classrooms, music_room_areas, "
				+ "art_room_areas, books");
		CopyIn teachers = new CopyIn(connection, "teacher", "id, school_id, name, gender, birth_year, subjects, "
				+ "highest_degree, professional_title, backbone_level, backbone_valid_from, backbone_valid_until, "
				+ "has_certificate, pe_specialist, music_specialist, art_specialist, training_hours_5y, joined_school_on, staff_number");
		CopyIn exchanges = new CopyIn(connection, "exchange",
				"id, teacher_id, from_school_id, to_school_id, school_year, kind, starts_on, ends_on, status");
		CopyIn pairings = new CopyIn(connection, "pairing",
				"id, lead_school_id, supported_school_id, mode, starts_on, ends_on, goals");
		regions.row("510000", "四川省", "PROVINCE", null, "510000");
		regions.row("511900", "巴中市", "CITY", "510000", "510000/511900");
		regions.row(COUNTY, "通江县", "COUNTY", "511900", "510000/511900/" + COUNTY);
		long schoolId = 1;
		long teacherId = 1;
		for (int county = 0; county < this.counties; county++) {
			String code = COUNTY;
			String name = "通江县";
			if (county > 0) {
				int city = (county - 1) / 9 + 1;
				String cityCode = String.format("51%02d00", (city >= 19) ? city + 1 : city);
				if ((county - 1) % 9 == 0) {
					regions.row(cityCode, "演示市" + city, "CITY", "510000", "510000/" + cityCode);
				}
				code = cityCode.substring(0, 4) + (21 + (county - 1) % 9);
				name = "演示" + city + "市" + ((county - 1) % 9 + 1) + "县";
				regions.row(code, name, "COUNTY", cityCode, "510000/" + cityCode + "/" + code);
			}
			SplittableRandom random = new SplittableRandom(20_260_901L + county);
			DemoCounty generator = new DemoCounty(code, name, county == 0, random);
			DemoTeachers teacherGenerator = new DemoTeachers(random);
			List<SchoolSpec> specs = generator.schools(schoolId);
			List<DemoTeachers.Drawn> drawn = new ArrayList<>();
			for (SchoolSpec school : specs) {
				schools.row(school.id(), school.code(), school.name(), school.stage(), school.locality(), school.regionCode(),
						school.boarding());
				for (int year = DemoCounty.YEAR - 1; year <= DemoCounty.YEAR; year++) {
					List<Integer> byGrade = generator.studentsByGrade(school, year);
					conditions.row(generator.conditions(conditions.rows() + 1, school, year, byGrade,
							generator.classSizes(school, byGrade)));
				}
				int count = generator.teacherCount(school);
				drawn.addAll(teacherGenerator.write(teachers, school, count, teacherId));
				teacherId += count;
			}
			exchanges(exchanges, specs, drawn, random);
			pairings(pairings, specs);
			schoolId += specs.size();
			// One county at a time, parents before children, keeps memory flat at province size.
			for (CopyIn copy : List.of(regions, schools, conditions, teachers, exchanges, pairings)) {
				copy.flush();
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String table : List.of("school", "school_conditions", "teacher", "exchange", "pairing")) {
				statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
			}
			for (String file : List.of("db/demo/seed-002-plan.sql", "db/demo/thresholds.sql")) {
				statement.execute(new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8));
			}
			statement.execute("analyze");
		}
	}

	/**
	 * 交流轮岗 of the last two school years: teachers of six or more years at a town or urban school
	 * go to another school of the county, backbone teachers more often, so the backbone share of
	 * the exchanged passes 20%.
	 */
	private static void exchanges(CopyIn copy, List<SchoolSpec> schools, List<DemoTeachers.Drawn> teachers,
			SplittableRandom random) {
		List<SchoolSpec> receivers = schools.stream().filter((s) -> !"URBAN".equals(s.locality())).toList();
		String[] kinds = { "ROTATION", "ROTATION", "ROTATION", "SUPPORT_TEACHING", "SUPPORT_TEACHING", "ITINERANT_TEACHING" };
		for (int year = DemoCounty.YEAR - 1; year <= DemoCounty.YEAR; year++) {
			LocalDate start = DemoCounty.yearStart(year);
			for (DemoTeachers.Drawn teacher : teachers) {
				SchoolSpec home = schools.get((int) (teacher.schoolId() - schools.get(0).id()));
				boolean eligible = !"RURAL".equals(home.locality()) && !teacher.joinedOn().isAfter(start.minusYears(6));
				if (!eligible || random.nextDouble() > (teacher.backbone() ? 0.26 : 0.115)) {
					continue;
				}
				SchoolSpec to = receivers.get(random.nextInt(receivers.size()));
				if (to.id() == home.id()) {
					continue;
				}
				String status = (year < DemoCounty.YEAR) ? "COMPLETED" : (random.nextInt(20) == 0 ? "CANCELLED" : "ACTIVE");
				String kind = kinds[random.nextInt(kinds.length)];
				// The golden school's figures are its self-report's, the staff it counts; a rotation
				// would take teachers away from them (ROTATION_COUNTS_AT_RECEIVER), support teaching
				// does not. Chosen after the draw, so every other figure of the demo stays as it was.
				if (home.golden() && "ROTATION".equals(kind)) {
					kind = "SUPPORT_TEACHING";
				}
				copy.row(copy.rows() + 1, teacher.id(), home.id(), to.id(), year, kind, start, LocalDate.of(year + 1, 7, 10), status);
			}
		}
	}

	/** 结对帮扶: every urban school leads two town or village schools for three years. */
	private static void pairings(CopyIn copy, List<SchoolSpec> schools) {
		List<SchoolSpec> urban = schools.stream().filter((s) -> "URBAN".equals(s.locality())).toList();
		List<SchoolSpec> others = schools.stream().filter((s) -> !"URBAN".equals(s.locality())).toList();
		String[] modes = { "GROUP", "ENTRUSTED_MANAGEMENT", "ALLIANCE" };
		for (int i = 0; i < urban.size(); i++) {
			for (int k = 0; k < 2; k++) {
				SchoolSpec supported = others.get((i * 2 + k) * 3 % others.size());
				copy.row(copy.rows() + 1, urban.get(i).id(), supported.id(), modes[(i + k) % modes.length],
						LocalDate.of(2024, 9, 1), LocalDate.of(2027, 7, 31), "共享课程资源，开展联合教研与教师跟岗学习，三年内薄弱学科成绩提升");
			}
		}
	}

}
