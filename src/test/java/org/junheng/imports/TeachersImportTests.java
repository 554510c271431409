package org.junheng.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff lists (教职工名单) from the template to the indicators, against the real database: two
 * years of lists record who left (kept, with the history), who moved and who came, and each
 * year's indicators count exactly the teachers there on its base date; a re-import changes
 * nothing; every bad row is named in Chinese and nothing is written; a long import's progress is
 * read in the graph while it runs.
 */
@EndToEndTest
class TeachersImportTests {

	private static final org.springframework.http.MediaType MULTIPART = Uploads.MULTIPART;

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@Autowired
	private ImportStore store;

	@LocalServerPort
	private int port;

	private String county;

	private String schoolA;

	private String schoolB;

	private String admin;

	/** Staff numbers unique to this test run, the database being shared. */
	private final String prefix = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

	@BeforeEach
	void county() {
		this.county = TestData.county(this.graphQl);
		this.schoolA = TestData.school(this.graphQl, this.county, "名单一小");
		this.schoolB = TestData.school(this.graphQl, this.county, "名单二小");
		this.admin = Tokens.token("county-admin", List.of("ADMIN"), this.county, null);
	}

	@Test
	void twoYearsOfListsRecordWhoLeftWhoMovedAndWhoCameAndEachYearCountsItsOwnTeachers() {
		for (String school : List.of(this.schoolA, this.schoolB)) {
			for (int year : List.of(2025, 2026)) {
				conditions(school, year);
			}
		}
		String a = code(this.schoolA);
		String b = code(this.schoolB);
		List<String> list2025 = List.of(row(a, 2025, "1", "张一", "本科", "2015-09-01"), row(a, 2025, "2", "张二", "本科", "2015-09-01"),
				row(a, 2025, "3", "张三", "中专", "2018-09-01"), row(b, 2025, "4", "李四", "本科", "2016-09-01"));
		Map<String, Object> dryRun = upload(csv(list2025), "2025名单.csv", true, 200);
		assertThat(dryRun).containsEntry("status", "VALIDATED").containsEntry("kind", "TEACHERS").containsEntry("rowsTotal", 4);
		assertThat(present(this.schoolA)).as("a dry run writes nothing").isZero();

		Map<String, Object> first = upload(csv(list2025), "2025名单.csv", false, 200);
		assertThat(first).containsEntry("status", "COMMITTED").containsEntry("rowsCreated", 4).containsEntry("teachersLeft", 0);
		assertThat(present(this.schoolA)).isEqualTo(3);
		long audited = audit();
		assertThat(upload(csv(list2025), "2025名单.csv", false, 200)).containsEntry("rowsUnchanged", 4).containsEntry("rowsUpdated", 0);
		assertThat(audit()).as("a re-import writes nothing").isEqualTo(audited);

		// 2026: 张二 and 张三 are not on A's list any more, 李四 moved from B to A in March, two came.
		List<String> list2026 = List.of(row(a, 2026, "1", "张一", "本科", "2015-09-01"), row(a, 2026, "4", "李四", "本科", "2026-03-01"),
				row(a, 2026, "5", "王五", "本科", "2026-08-25"), row(b, 2026, "6", "赵六", "中专", "2026-09-01"));
		Map<String, Object> second = upload(csv(list2026), "2026名单.csv", false, 200);
		assertThat(second).containsEntry("status", "COMMITTED").containsEntry("rowsCreated", 2).containsEntry("rowsUpdated", 1)
			.containsEntry("rowsUnchanged", 1).containsEntry("teachersLeft", 2);
		assertThat(audit()).isGreaterThan(audited);
		assertThat(present(this.schoolA)).isEqualTo(3);
		assertThat(present(this.schoolB)).isEqualTo(1);

		// Kept, never deleted, with the whole history.
		HttpGraphQlTester asAdmin = this.graphQl.mutate().header(HttpHeaders.AUTHORIZATION, Tokens.bearer(this.admin)).build();
		asAdmin.document("query($s: ID!) { school(id: $s) { teacherCount teachers(filter: { status: LEFT }) { edges { node { name"
				+ " staffNumber leftSchoolOn tenures { startedOn endedOn } } } } } }")
			.variable("s", this.schoolA).execute().errors().verify()
			.path("school.teacherCount").entity(Integer.class).isEqualTo(3)
			.path("school.teachers.edges[*].node.name").entityList(String.class).contains("张二", "张三").hasSize(2)
			.path("school.teachers.edges[*].node.leftSchoolOn").entityList(String.class).containsExactly("2026-09-01", "2026-09-01")
			.path("school.teachers.edges[0].node.tenures[0].endedOn").entity(String.class).isEqualTo("2026-09-01");
		asAdmin.document("query($n: String!) { teachers(filter: { staffNumber: $n }) { edges { node { school { name } joinedSchoolOn"
				+ " tenures { school { name } startedOn endedOn } } } } }")
			.variable("n", this.prefix + "-4").execute().errors().verify()
			.path("teachers.edges[0].node.school.name").entity(String.class).isEqualTo("名单一小")
			.path("teachers.edges[0].node.tenures[*].school.name").entityList(String.class).containsExactly("名单二小", "名单一小")
			.path("teachers.edges[0].node.tenures[*].startedOn").entityList(String.class).containsExactly("2016-09-01", "2026-03-01")
			.path("teachers.edges[0].node.tenures[0].endedOn").entity(String.class).isEqualTo("2026-03-01");

		// Teachers above the legal minimum degree per 100 students (240 each): each year its own.
		assertThat(qualified(this.schoolA, 2025)).isCloseTo(2 * 100.0 / 240, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(qualified(this.schoolA, 2026)).isCloseTo(3 * 100.0 / 240, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(qualified(this.schoolB, 2025)).as("李四 counts at B in 2025").isCloseTo(100.0 / 240,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(qualified(this.schoolB, 2026)).isZero();

		// Last year's list after this year's would record today's teachers as gone years ago.
		assertThat(Uploads.messages(upload(csv(list2025), "2025名单.csv", false, 422)))
			.contains("第 2 行「学年」（2025）：该校 2026 学年的教师名单已导入，不能再导入更早学年的名单",
					"第 5 行「学年」（2025）：该校 2026 学年的教师名单已导入，不能再导入更早学年的名单");
	}

	@Test
	void everyBadRowIsNamedInChineseAndNothingIsWritten() throws Exception {
		String elsewhere = TestData.school(this.graphQl, TestData.county(this.graphQl), "外县小学");
		this.graphQl.documentName("createTeacher")
			.variable("input", Map.of("schoolId", elsewhere, "name", "外县教师", "gender", "MALE", "birthYear", 1980,
					"highestDegree", "BACHELOR", "joinedSchoolOn", "2010-09-01", "staffNumber", this.prefix + "-99"))
			.execute().errors().verify();
		String a = code(this.schoolA);
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TeachersTemplate.TEMPLATE.xlsx()))) {
			Sheet sheet = workbook.getSheetAt(0);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			// Read as meant: a date cell, an Excel serial typed as a number, a date as text, full-width digits, labels.
			fill(sheet.createRow(1), a, "2026", "１", "甲", "女", "本科", null);
			sheet.getRow(1).createCell(TeachersColumn.JOINED.ordinal()).setCellValue(LocalDate.of(2015, 9, 1));
			sheet.getRow(1).getCell(TeachersColumn.JOINED.ordinal()).setCellStyle(date);
			fill(sheet.createRow(2), a, "2026-2027", "2", "乙", "男", "硕士", null);
			sheet.getRow(2).createCell(TeachersColumn.JOINED.ordinal()).setCellValue(42248);
			fill(sheet.createRow(3), a, "2026", "3 ", "丙", "女", "专科", "2016年9月1日");
			// Refused, each for its own reason.
			fill(sheet.createRow(4), a, "2026", "4", "丁", "女", "大专", "2015-09-01");
			fill(sheet.createRow(5), a, "2026", "", "戊", "女", "本科", "2015-09-01");
			fill(sheet.createRow(6), a, "2026", "6", "己", "女", "本科", "2015-13-01");
			fill(sheet.createRow(7), a, "2026", "7", "庚", "女", "本科", "2026-10-01");
			fill(sheet.createRow(8), a, "2026", "１", "辛", "女", "本科", "2015-09-01");
			fill(sheet.createRow(9), code(elsewhere), "2026", "9", "壬", "女", "本科", "2015-09-01");
			fill(sheet.createRow(10), a, "2026", "99", "外县教师", "男", "本科", "2020-09-01");
			fill(sheet.createRow(11), a, "2026", "11", "子", "女", "本科", "2015-09-01");
			fill(sheet.createRow(12), a, "2026", "12", "丑", "女", "本科", "2015-09-01");
			sheet.addMergedRegion(new CellRangeAddress(11, 12, 1, 1));
			file = bytes(workbook);
		}
		Map<String, Object> refused = upload(file, "名单.xlsx", false, 422);
		assertThat(refused).containsEntry("status", "REFUSED").containsEntry("rowsTotal", 12).containsEntry("rowsRefused", 9);
		List<String> messages = Uploads.messages(refused);
		assertThat(messages).contains("第 5 行「最高学历」（大专）：应为以下之一：高中、中专、专科、本科、硕士、博士",
				"第 6 行「教职工号」（—）：必填，不能为空",
				"第 7 行「入职本校日期」（2015-13-01）：不是日期，应写作 2015-09-01",
				"第 8 行「入职本校日期」（2026-10-01）：晚于统计时点 2026-09-01：名单只列当天在校的教师",
				"第 9 行「教职工号」（" + this.prefix + "-1）：与第 2 行是同一教职工号",
				"第 10 行「学校标识码」（" + code(elsewhere) + "）：没有这个学校标识码，或该学校不在您可导入的范围内",
				"第 11 行「教职工号」（" + this.prefix + "-99）：该教职工号的教师在另一所不在您导入范围内的学校在职：请由该校或上级管理员先办理调出",
				"第 12 行「学校标识码」（" + a + "）：在合并单元格 B12:B13 中：请取消合并，逐行填写");
		assertThat(messages).noneMatch((message) -> message.matches("第 [234] 行.*"));
		assertThat(present(this.schoolA)).as("nothing is written when any row is refused").isZero();

		HttpGraphQlTester asAdmin = this.graphQl.mutate().header(HttpHeaders.AUTHORIZATION, Tokens.bearer(this.admin)).build();
		asAdmin.document("query($id: ID!) { import(id: $id) { kind status rows(first: 3) { row staffNumber outcome } } }")
			.variable("id", refused.get("id")).execute().errors().verify()
			.path("import.rows[*].outcome").entityList(String.class).containsExactly("VALID", "VALID", "VALID")
			.path("import.rows[*].staffNumber").entityList(String.class)
			.containsExactly(this.prefix + "-1", this.prefix + "-2", this.prefix + "-3");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TeachersTemplate.TEMPLATE.xlsx()))) {
			workbook.getSheet("说明").getRow(0).getCell(1).setCellValue("teachers-0");
			fill(workbook.getSheetAt(0).createRow(1), a, "2026", "1", "甲", "女", "本科", "2015-09-01");
			assertThat(upload(bytes(workbook), "旧.xlsx", false, 422)).extractingByKey("fileProblem").asString()
				.startsWith("模板版本不符：请下载最新模板（GET /templates/teachers.xlsx）");
		}
		assertThat(upload(ConditionsTemplate.TEMPLATE.csv(), "条件.csv", false, 422)).containsEntry("fileProblem",
				"缺少必需的列「学校标识码」「学年」「教职工号」：请使用模板的表头");
		Uploads.ownConnection(this.port, this.admin).post().uri("/imports/teachers").contentType(MULTIPART)
			.bodyValue(Uploads.multipart(new byte[21_000_000], "big.xlsx", false))
			.exchange().expectStatus().isEqualTo(413);
		assertThat(present(this.schoolA)).isZero();
	}

	@Test
	void aLongListRunsOnAfterTheAnswerAndItsProgressIsReadInTheGraph() {
		String a = code(this.schoolA);
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			rows.add(row(a, 2026, "L" + i, "教师" + i, "本科", "2015-09-01"));
		}
		Map<String, Object> started = Uploads.web(this.port, this.admin).post().uri("/imports/teachers").contentType(MULTIPART)
			.header("Prefer", "respond-async").bodyValue(Uploads.multipart(csv(rows), "大名单.csv", false)).exchange()
			.expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(started).containsEntry("status", "RUNNING");
		HttpGraphQlTester asAdmin = this.graphQl.mutate().header(HttpHeaders.AUTHORIZATION, Tokens.bearer(this.admin)).build();
		Map<String, Object> done = null;
		for (int i = 0; i < 600 && done == null; i++) {
			Map<String, Object> now = asAdmin.document("query($id: ID!) { import(id: $id) { status rowsRead rowsTotal rowsCreated } }")
				.variable("id", started.get("id")).execute().path("import").entity(Map.class).get();
			assertThat((Integer) now.get("rowsRead")).isBetween(0, 3000);
			if (!"RUNNING".equals(now.get("status"))) {
				done = now;
			}
			else {
				sleep(100);
			}
		}
		assertThat(done).containsEntry("status", "COMMITTED").containsEntry("rowsTotal", 3000).containsEntry("rowsRead", 3000)
			.containsEntry("rowsCreated", 3000);
		assertThat(present(this.schoolA)).isEqualTo(3000);
	}

	@Test
	void aSchoolAdministratorImportsOnlyItsOwnSchoolsList() {
		String own = Tokens.token("school-a", List.of("SCHOOL_ADMIN"), null, this.schoolA);
		byte[] file = csv(List.of(row(code(this.schoolA), 2026, "1", "甲", "本科", "2015-09-01"),
				row(code(this.schoolB), 2026, "2", "乙", "本科", "2015-09-01")));
		Map<String, Object> refused = upload(own, file, "名单.csv", false, 422);
		assertThat(Uploads.messages(refused)).singleElement().asString().endsWith("没有这个学校标识码，或该学校不在您可导入的范围内");
		Uploads.web(this.port, Tokens.token("viewer", List.of("VIEWER"), this.county, null)).post().uri("/imports/teachers").contentType(MULTIPART)
			.bodyValue(Uploads.multipart(file, "名单.csv", true)).exchange().expectStatus().isForbidden();
		assertThat(upload(own, csv(List.of(row(code(this.schoolA), 2026, "1", "甲", "本科", "2015-09-01"))), "名单.csv", false, 200))
			.containsEntry("status", "COMMITTED");
		Uploads.web(this.port, this.admin).get().uri("/templates/teachers.csv").exchange().expectStatus().isOk().expectBody(byte[].class)
			.value((csv) -> assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF学校标识码,学校名称,学年,教职工号,姓名"));
	}

	@Test
	void anImportLeftRunningByAStoppedInstanceIsSaidToHaveBeenInterrupted() {
		Long stale = this.db.sql("insert into import_batch (kind, file_name, dry_run, status, actor, rows_total, created_at)"
				+ " values ('TEACHERS', '旧名单.csv', false, 'RUNNING', 'county-admin', 0, now() - interval '7 hours') returning id")
			.map((row) -> row.get(0, Long.class)).one().block();
		Long running = this.db.sql("insert into import_batch (kind, file_name, dry_run, status, actor, rows_total)"
				+ " values ('TEACHERS', '新名单.csv', false, 'RUNNING', 'county-admin', 0) returning id")
			.map((row) -> row.get(0, Long.class)).one().block();
		this.store.interrupted().block();
		assertThat(this.db.sql("select id, status, file_problem from import_batch where id in (:a, :b) order by id").bind("a", stale)
			.bind("b", running).map((row) -> row.get("status", String.class) + "/" + row.get("file_problem", String.class)).all()
			.collectList().block()).containsExactly("REFUSED/import.interrupted", "RUNNING/null");
	}

	private String row(String code, int year, String staff, String name, String degree, String joined) {
		Map<TeachersColumn, String> cells = new LinkedHashMap<>();
		cells.put(TeachersColumn.CODE, code);
		cells.put(TeachersColumn.SCHOOL_YEAR, String.valueOf(year));
		cells.put(TeachersColumn.STAFF_NUMBER, this.prefix + "-" + staff);
		cells.put(TeachersColumn.NAME, name);
		cells.put(TeachersColumn.GENDER, "女");
		cells.put(TeachersColumn.BIRTH_YEAR, "1985");
		cells.put(TeachersColumn.DEGREE, degree);
		cells.put(TeachersColumn.SUBJECTS, "语文、数学");
		cells.put(TeachersColumn.JOINED, joined);
		List<String> line = new ArrayList<>();
		for (TeachersColumn column : TeachersColumn.values()) {
			line.add(cells.getOrDefault(column, ""));
		}
		return String.join(",", line);
	}

	private static byte[] csv(List<String> rows) {
		List<String> headers = java.util.Arrays.stream(TeachersColumn.values()).map((column) -> column.header).toList();
		return ("\uFEFF" + String.join(",", headers) + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private void fill(Row row, String code, String year, String staff, String name, String gender, String degree, String joined) {
		row.createCell(TeachersColumn.CODE.ordinal()).setCellValue(code);
		row.createCell(TeachersColumn.SCHOOL_YEAR.ordinal()).setCellValue(year);
		row.createCell(TeachersColumn.STAFF_NUMBER.ordinal()).setCellValue(staff.isEmpty() ? "" : this.prefix + "-" + staff);
		row.createCell(TeachersColumn.NAME.ordinal()).setCellValue(name);
		row.createCell(TeachersColumn.GENDER.ordinal()).setCellValue(gender);
		row.createCell(TeachersColumn.BIRTH_YEAR.ordinal()).setCellValue(1985);
		row.createCell(TeachersColumn.DEGREE.ordinal()).setCellValue(degree);
		row.createCell(TeachersColumn.CERTIFICATE.ordinal()).setCellValue("是");
		if (joined != null) {
			row.createCell(TeachersColumn.JOINED.ordinal()).setCellValue(joined);
		}
	}

	private void conditions(String school, int year) {
		this.graphQl.documentName("recordConditions")
			.variable("input", Map.of("schoolId", school, "schoolYear", year, "studentsByGrade", List.of(40, 40, 40, 40, 40, 40),
					"classSizes", List.of(40, 40, 40, 40, 40, 40), "teachingArea", 1200, "sportsArea", 2400, "equipmentValue", 480000,
					"multimediaClassrooms", 6, "musicRoomAreas", List.of(96), "artRoomAreas", List.of(90)))
			.execute().errors().verify();
	}

	private double qualified(String school, int year) {
		return this.graphQl.document("query($id: ID!, $year: Int!) { school(id: $id) { balanceVerdict(schoolYear: $year) {"
				+ " stages { indicators { code value } } } } }")
			.variable("id", school).variable("year", year).execute().errors().verify()
			.path("school.balanceVerdict.stages[0].indicators[?(@.code == 'QUALIFIED_TEACHERS')].value").entityList(Double.class).get()
			.get(0);
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	private Map<String, Object> upload(byte[] file, String name, boolean dryRun, int status) {
		return upload(this.admin, file, name, dryRun, status);
	}

	private Map<String, Object> upload(String token, byte[] file, String name, boolean dryRun, int status) {
		return Uploads.upload(this.port, "/imports/teachers", token, file, name, dryRun, status);
	}

	private String code(String school) {
		return this.graphQl.document("query($id: ID!) { school(id: $id) { code } }").variable("id", school).execute()
			.path("school.code").entity(String.class).get();
	}

	private long present(String school) {
		return this.db.sql("select count(*) from teacher where school_id = :id and left_school_on is null")
			.bind("id", org.junheng.system.GlobalId.key(school, "School", "id"))
			.map((row) -> row.get(0, Long.class)).one().block();
	}

	private long audit() {
		return this.db.sql("select count(*) from audit_entry where operation like 'importTeachers:%' and actor = 'county-admin'"
				+ " and region_code = :county").bind("county", this.county).map((row) -> row.get(0, Long.class)).one().block();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
