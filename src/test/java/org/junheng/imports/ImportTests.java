package org.junheng.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
 * A bureau's spreadsheet, from the template to the indicators, against the real database: the
 * template downloaded and filled, a dry run that writes nothing, a commit in one transaction,
 * a re-import that changes nothing, and every kind of bad file or row answered with a clear
 * error, in Chinese, naming the row, the column, the value and why, and writing nothing.
 */
@EndToEndTest
class ImportTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private DatabaseClient db;

	@LocalServerPort
	private int port;

	private String county;

	private String schoolA;

	private String schoolB;

	private static final org.springframework.http.MediaType MULTIPART = Uploads.MULTIPART;

	@BeforeEach
	void county() {
		this.county = TestData.county(this.graphQl);
		this.schoolA = TestData.school(this.graphQl, this.county, "导入一小");
		this.schoolB = TestData.school(this.graphQl, this.county, "导入二小");
	}

	@Test
	void aBureauFillsTheTemplateDryRunsItCommitsItAndImportingItAgainChangesNothing() throws Exception {
		String admin = Tokens.token("county-admin", List.of("ADMIN"), this.county, null);
		byte[] template = Uploads.web(this.port, admin).get().uri("/templates/conditions.xlsx").exchange().expectStatus().isOk()
			.expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody(byte[].class).returnResult().getResponseBody();
		byte[] filled;
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getSheet("说明").getRow(0).getCell(1).getStringCellValue()).isEqualTo("conditions-1");
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校标识码");
			fill(sheet.createRow(1), code(this.schoolA), "2026", "40,40,40,40,40,40", "1200");
			fill(sheet.createRow(2), code(this.schoolB), "2026-2027", "40,40,40,40,40,40", "１，２００");
			filled = bytes(workbook);
		}
		Map<String, Object> dryRun = upload(admin, filled, "通江县办学条件.xlsx", true, 200);
		assertThat(dryRun).containsEntry("status", "VALIDATED").containsEntry("rowsTotal", 2).containsEntry("rowsRefused", 0);
		assertThat(conditionsRecorded()).isZero();

		long auditBefore = audit("importConditions:%");
		Map<String, Object> commit = upload(admin, filled, "通江县办学条件.xlsx", false, 200);
		assertThat(commit).containsEntry("status", "COMMITTED").containsEntry("rowsCreated", 2);
		assertThat(conditionsRecorded()).isEqualTo(2);
		assertThat(audit("importConditions:%") - auditBefore).isEqualTo(2);
		this.graphQl.document("query($code: String!) { region(code: $code) { balance(schoolYear: 2026, stage: PRIMARY) { schools } } }")
			.variable("code", this.county).execute().path("region.balance.schools").entity(Integer.class).isEqualTo(2);

		Map<String, Object> again = upload(admin, filled, "通江县办学条件.xlsx", false, 200);
		assertThat(again).containsEntry("status", "COMMITTED").containsEntry("rowsUnchanged", 2).containsEntry("rowsCreated", 0);
		assertThat(audit("importConditions:%") - auditBefore).isEqualTo(2);

		this.graphQl.document("query($id: ID!) { import(id: $id) { status rowsCreated rows { row schoolCode schoolYear outcome } } }")
			.variable("id", commit.get("id")).execute().errors().verify()
			.path("import.rows[*].outcome").entityList(String.class).containsExactly("CREATED", "CREATED")
			.path("import.rows[*].schoolYear").entityList(Integer.class).containsExactly(2026, 2026);
	}

	@Test
	void everyRefusedRowSaysWhichRowColumnValueAndWhyAndNothingIsWritten() throws Exception {
		String admin = Tokens.token("county-admin", List.of("ADMIN"), this.county, null);
		String outside = TestData.school(this.graphQl, TestData.county(this.graphQl), "外县小学");
		byte[] file;
		try (XSSFWorkbook workbook = template()) {
			Sheet sheet = workbook.getSheetAt(0);
			// Read as meant: full-width digits, thousands separators, numbers stored as text, trailing spaces, a formula.
			fill(sheet.createRow(1), code(this.schoolA) + "  ", "２０２６", "40,40,40,40,40,40", "1,200.5");
			sheet.getRow(1).getCell(ConditionsColumn.TEACHING_AREA.ordinal()).setCellFormula("1000+200.5");
			fill(sheet.createRow(3), code(this.schoolB), "2026", "40,40,40,40,40,40", "一千二");
			fill(sheet.createRow(4), code(this.schoolA), "2026", "40,40,40,40,40,40", "1200");
			fill(sheet.createRow(5), code(outside), "2026", "40,40,40,40,40,40", "1200");
			fill(sheet.createRow(6), "12345", "2026", "40,40,40,40,40,40", "1200");
			fill(sheet.createRow(7), code(this.schoolB), "2025", "40,40,40,40", "1200");
			fill(sheet.createRow(8), code(this.schoolB), "2024", "40,40,40,40,40,40", "1200");
			sheet.getRow(8).createCell(ConditionsColumn.CLASS_SIZES.ordinal()).setCellValue("40,40");
			fill(sheet.createRow(9), code(this.schoolB), "2023", "40,40,40,40,40,40", "1200");
			fill(sheet.createRow(10), code(this.schoolB), "2022", "40,40,40,40,40,40", "1200");
			sheet.addMergedRegion(new CellRangeAddress(9, 10, 0, 0));
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			file = bytes(workbook);
		}
		Map<String, Object> result = upload(admin, file, "有错.xlsx", false, 422);
		assertThat(result).containsEntry("status", "REFUSED").containsEntry("rowsTotal", 9);
		List<String> messages = Uploads.messages(result);
		assertThat(messages).contains("第 4 行「教学及辅助用房面积（平方米）」（一千二）：不是数字",
				"第 5 行「学校标识码」（" + code(this.schoolA) + "）：与第 2 行是同一学校同一学年",
				"第 6 行「学校标识码」（" + code(outside) + "）：没有这个学校标识码，或该学校不在您可导入的范围内",
				"第 7 行「学校标识码」（12345）：必须是 10 位学校标识码",
				"第 8 行「一年级学生数」（40）：必须列出 5 或 6 个年级（小学学校）".replace("（40）", "（40）"),
				"第 9 行「各班人数」（40,40）：各班人数之和必须等于各年级学生总数（240）",
				"第 10 行「学校标识码」（" + code(this.schoolB) + "）：在合并单元格 A10:A11 中：请取消合并，逐行填写");
		assertThat(messages).noneMatch((message) -> message.startsWith("第 2 行")).noneMatch((message) -> message.startsWith("第 3 行"));
		assertThat(conditionsRecorded()).as("nothing is written when any row is refused").isZero();
	}

	@Test
	void badFilesAreRefusedWholeWithTheReasonAndWriteNothing() throws Exception {
		String admin = Tokens.token("county-admin", List.of("ADMIN"), this.county, null);
		assertThat(upload(admin, "not a workbook at all".getBytes(StandardCharsets.UTF_8), "x.xlsx", false, 422))
			.containsEntry("fileProblem", "不是 xlsx 或 csv 文件：请使用下载的模板");
		assertThat(upload(admin, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 }, "old.xls", false, 422))
			.containsEntry("fileProblem", "这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 后再上传");
		byte[] oldTemplate;
		try (XSSFWorkbook workbook = template()) {
			workbook.getSheet("说明").getRow(0).getCell(1).setCellValue("conditions-0");
			fill(workbook.getSheetAt(0).createRow(1), code(this.schoolA), "2026", "40,40,40,40,40,40", "1200");
			oldTemplate = bytes(workbook);
		}
		assertThat(upload(admin, oldTemplate, "旧模板.xlsx", false, 422)).extractingByKey("fileProblem").asString().startsWith("模板版本不符");
		// The template with its data sheet swapped for 200 MB of blanks, a few hundred kilobytes packed.
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb);
				java.util.zip.ZipInputStream template = new java.util.zip.ZipInputStream(new ByteArrayInputStream(ConditionsTemplate.xlsx()))) {
			for (ZipEntry entry = template.getNextEntry(); entry != null; entry = template.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					byte[] blanks = new byte[1 << 20];
					java.util.Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 200; i++) {
						zip.write(blanks);
					}
				}
				else {
					template.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		assertThat(upload(admin, bomb.toByteArray(), "bomb.xlsx", false, 422))
			.containsEntry("fileProblem", "文件解压后远大于其本身，疑为压缩炸弹，已拒收");
		// Over junheng.imports.max-file-size (20 MB): refused by its declared length, before it is read.
		Uploads.ownConnection(this.port, admin).post().uri("/imports/conditions").header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=junheng-test-boundary")
			.bodyValue(Uploads.multipart(new byte[21_000_000], "big.xlsx", false)).exchange().expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.errors[0].extensions.limit").isEqualTo("bodySize");
		assertThat(conditionsRecorded()).isZero();
	}

	@Test
	void csvInUtf8OrInExcelsGbkIsReadAlike() {
		String admin = Tokens.token("county-admin", List.of("ADMIN"), this.county, null);
		String header = String.join(",", ConditionsColumn.headers());
		String row = code(this.schoolA) + ",导入一小,2026,40,40,40,40,40,40,,,,,,,\"40,40,40,40,40,40\",1200,2400,480000,6,96,90,5000";
		byte[] utf8 = ("\uFEFF" + header + "\r\n" + row + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		assertThat(upload(admin, utf8, "条件.csv", true, 200)).containsEntry("status", "VALIDATED").containsEntry("rowsRefused", 0);
		byte[] gbk = (header + "\r\n" + row + "\r\n").getBytes(Charset.forName("GBK"));
		assertThat(upload(admin, gbk, "条件.csv", true, 200)).containsEntry("status", "VALIDATED").containsEntry("rowsTotal", 1);
		Uploads.web(this.port, admin).get().uri("/templates/conditions.csv").exchange().expectStatus().isOk().expectBody(byte[].class)
			.value((csv) -> assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF学校标识码,学校名称,学年"));
	}

	@Test
	void onlyWritersMayImportAndOnlyWithinTheirScope() throws Exception {
		byte[] file;
		try (XSSFWorkbook workbook = template()) {
			fill(workbook.getSheetAt(0).createRow(1), code(this.schoolA), "2026", "40,40,40,40,40,40", "1200");
			file = bytes(workbook);
		}
		org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port).responseTimeout(Duration.ofSeconds(30)).build().post()
			.uri("/imports/conditions").contentType(MULTIPART)
			.bodyValue(Uploads.multipart(file, "a.xlsx", true)).exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
		Uploads.web(this.port, Tokens.token("viewer", List.of("VIEWER"), this.county, null)).post().uri("/imports/conditions").contentType(MULTIPART)
			.bodyValue(Uploads.multipart(file, "a.xlsx", true)).exchange().expectStatus().isForbidden();
		String ownSchool = Tokens.token("school-a", List.of("SCHOOL_ADMIN"), null, this.schoolA);
		assertThat(upload(ownSchool, file, "a.xlsx", false, 200)).containsEntry("status", "COMMITTED");
		String otherSchool = Tokens.token("school-b", List.of("SCHOOL_ADMIN"), null, this.schoolB);
		assertThat(Uploads.messages(upload(otherSchool, file, "a.xlsx", false, 422)))
			.singleElement().asString().endsWith("没有这个学校标识码，或该学校不在您可导入的范围内");
		// Imports are read back by whoever sent them and by the region's administrators, nobody else.
		HttpGraphQlTester otherCounty = this.graphQl.mutate()
			.header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.token("other", List.of("ADMIN"), TestData.county(this.graphQl), null)))
			.build();
		otherCounty.document("{ imports(first: 100) { fileName importedBy } }").execute().path("imports[*].importedBy")
			.entityList(String.class).satisfies((who) -> assertThat(who).doesNotContain("school-a", "school-b"));
		this.graphQl.mutate().header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.token("county-admin", List.of("ADMIN"), this.county, null)))
			.build().document("{ imports(first: 100) { importedBy status problems { row message } } }").execute()
			.path("imports[*].importedBy").entityList(String.class).satisfies((who) -> assertThat(who).contains("school-a", "school-b"));
	}

	private XSSFWorkbook template() throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(ConditionsTemplate.xlsx()));
	}

	private static void fill(Row row, String code, String year, String grades, String teachingArea) {
		row.createCell(ConditionsColumn.CODE.ordinal()).setCellValue(code);
		row.createCell(ConditionsColumn.SCHOOL_YEAR.ordinal()).setCellValue(year);
		String[] students = grades.split(",");
		for (int i = 0; i < students.length; i++) {
			row.createCell(ConditionsColumn.GRADES.get(i).ordinal()).setCellValue(students[i]);
		}
		row.createCell(ConditionsColumn.CLASS_SIZES.ordinal()).setCellValue(grades);
		row.createCell(ConditionsColumn.TEACHING_AREA.ordinal()).setCellValue(teachingArea);
		row.createCell(ConditionsColumn.SPORTS_AREA.ordinal()).setCellValue(2400);
		row.createCell(ConditionsColumn.EQUIPMENT_VALUE.ordinal()).setCellValue("480,000");
		row.createCell(ConditionsColumn.MULTIMEDIA_CLASSROOMS.ordinal()).setCellValue(6);
		row.createCell(ConditionsColumn.MUSIC_ROOMS.ordinal()).setCellValue("96");
		row.createCell(ConditionsColumn.ART_ROOMS.ordinal()).setCellValue("90");
	}

	private static byte[] bytes(Workbook workbook) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	private Map<String, Object> upload(String token, byte[] file, String name, boolean dryRun, int status) {
		return Uploads.upload(this.port, "/imports/conditions", token, file, name, dryRun, status);
	}

	private String code(String school) {
		return this.graphQl.document("query($id: ID!) { school(id: $id) { code } }").variable("id", school).execute()
			.path("school.code").entity(String.class).get();
	}

	private long conditionsRecorded() {
		return this.db.sql("select count(*) from school_conditions c join school s on s.id = c.school_id where s.region_code = :county")
			.bind("county", this.county).map((row) -> row.get(0, Long.class)).one().block();
	}

	private long audit(String operation) {
		return this.db.sql("select count(*) from audit_entry where operation like :op").bind("op", operation)
			.map((row) -> row.get(0, Long.class)).one().block();
	}

}
