package org.junheng.indicator;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.HeadlessChromium;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The inspection exports of the demo county, checked against the graph: the workbook's figures
 * are numbers equal to the API's, its sheets print A4 landscape with frozen headers, only the
 * schools the caller may read are in it; and the printed report, in headless Chromium, has its
 * pages and the API's figures in its text.
 */
@EndToEndTest
class ExportTests {

	private static final String COUNTY = "511921";

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@Test
	void theWorkbookHoldsTheGraphsFiguresAsNumbers() throws Exception {
		byte[] file = web(Tokens.token("viewer", List.of("VIEWER"), COUNTY, null)).get()
			.uri("/exports/balance.xlsx?region=" + COUNTY + "&schoolYear=2026").exchange().expectStatus().isOk()
			.expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody(byte[].class).returnResult().getResponseBody();
		double backboneCv = this.graphQl.document("{ region(code: \"" + COUNTY + "\") { balance(schoolYear: 2026, stage: PRIMARY) {"
				+ " indicators { code cv } } } }").execute()
			.path("region.balance.indicators[?(@.code == 'BACKBONE_TEACHERS')].cv").entityList(Double.class).get().get(0);
		int primarySchools = this.graphQl.document("{ region(code: \"" + COUNTY + "\") { balance(schoolYear: 2026, stage: PRIMARY) { schools } } }")
			.execute().path("region.balance.schools").entity(Integer.class).get();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("小学学校指标", "初中学校指标", "差异系数", "保障项目", "交流轮岗", "差距清单");
			Sheet cv = workbook.getSheet("差异系数");
			Row backbone = null;
			for (Row row : cv) {
				if (row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING
						&& "每百名学生拥有县级以上骨干教师数".equals(row.getCell(1).getStringCellValue())
						&& "小学".equals(row.getCell(0).getStringCellValue())) {
					backbone = row;
				}
			}
			assertThat(backbone).isNotNull();
			assertThat(backbone.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(backbone.getCell(2).getNumericCellValue()).isCloseTo(backboneCv, within(1e-12));
			assertThat(backbone.getCell(4).getStringCellValue()).isEqualTo("未达标");
			Sheet primary = workbook.getSheet("小学学校指标");
			assertThat(primary.getLastRowNum() - 1).isEqualTo(primarySchools);
			assertThat(primary.getRow(1).getCell(2).getStringCellValue()).isEqualTo("每百名学生拥有高于规定学历教师数");
			assertThat(primary.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(primary.getPaneInformation().isFreezePane()).isTrue();
			assertThat(primary.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(primary.getPrintSetup().getLandscape()).isTrue();
			Sheet gaps = workbook.getSheet("差距清单");
			assertThat(gaps.getRow(1).getCell(5).getNumericCellValue()).isLessThanOrEqualTo(gaps.getRow(2).getCell(5).getNumericCellValue());
		}
	}

	@Test
	void anExportShowsOnlyWhatTheCallerMayRead() throws Exception {
		String county = TestData.county(this.graphQl);
		String own = TestData.school(this.graphQl, county, "本校");
		TestData.school(this.graphQl, county, "他校");
		web(null).get().uri("/exports/balance.xlsx?region=" + county + "&schoolYear=2026").exchange().expectStatus().isUnauthorized();
		web(Tokens.admin()).get().uri("/exports/balance.xlsx?region=" + county + "&schoolYear=0").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.field").isEqualTo("schoolYear");
		web(Tokens.admin()).get().uri("/exports/balance.xlsx?region=999999&schoolYear=2026").exchange().expectStatus().isNotFound();
		for (String school : List.of(own)) {
			recordConditions(school);
		}
		recordConditions(this.graphQl.document("query($code: String!) { schools(filter: { regionCode: $code, name: \"他校\" }) { edges { node { id } } } }")
			.variable("code", county).execute().path("schools.edges[0].node.id").entity(String.class).get());
		byte[] csv = web(Tokens.token("head", List.of("SCHOOL_ADMIN"), null, own)).get()
			.uri("/exports/balance.csv?region=" + county + "&schoolYear=2026").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).contains("本校").doesNotContain("他校");
		String all = new String(web(Tokens.admin()).get().uri("/exports/balance.csv?region=" + county + "&schoolYear=2026").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(all).contains("本校").contains("他校");
	}

	@Test
	void theReportPrintsToA4PagesWithTheGraphsFigures() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed");
		String url = "http://127.0.0.1:" + this.port + "/report?region=" + COUNTY + "&schoolYear=2026";
		String pdfText;
		int pages;
		try (HeadlessChromium browser = HeadlessChromium.open(url, 1000, 1400)) {
			browser.await("document.body.dataset.ready || document.getElementById('notice').textContent", "true"::equals,
					Duration.ofSeconds(30));
			byte[] pdf = browser.pdf();
			Path file = Path.of("target", "screenshots", "report.pdf");
			Files.createDirectories(file.getParent());
			Files.write(file, pdf);
			try (PDDocument document = Loader.loadPDF(pdf)) {
				pages = document.getNumberOfPages();
				pdfText = new PDFTextStripper().getText(document);
			}
		}
		List<Double> cvs = this.graphQl.document("{ region(code: \"" + COUNTY + "\") { balance(schoolYear: 2026, stage: PRIMARY) {"
				+ " passingSchools judgedSchools indicators { cv } } } }").execute()
			.path("region.balance.indicators[*].cv").entityList(Double.class).get();
		int passing = this.graphQl.document("{ region(code: \"" + COUNTY + "\") { balance(schoolYear: 2026, stage: PRIMARY) { passingSchools } } }")
			.execute().path("region.balance.passingSchools").entity(Integer.class).get();
		assertThat(pages).as("conclusion, CVs, shortfalls, failing schools: a page or more each").isGreaterThanOrEqualTo(4);
		assertThat(pdfText).contains("通江县义务教育优质均衡发展自评报告");
		for (int page = 1; page <= pages; page++) {
			assertThat(pdfText).as("the footer of page %d", page).contains("第 " + page + " 页 / 共 " + pages + " 页");
		}
		for (double cv : cvs) {
			assertThat(pdfText).contains(String.format(java.util.Locale.ROOT, "%.3f", cv));
		}
		assertThat(pdfText).contains("尚未达到").contains(String.valueOf(passing));
	}

	private void recordConditions(String school) {
		this.graphQl.documentName("recordConditions").variable("input", java.util.Map.of("schoolId", school, "schoolYear", 2026,
				"studentsByGrade", List.of(40, 40, 40, 40, 40, 40), "classSizes", List.of(40, 40, 40, 40, 40, 40), "teachingArea", 1200,
				"sportsArea", 2400, "equipmentValue", 480000, "multimediaClassrooms", 6, "musicRoomAreas", List.of(96),
				"artRoomAreas", List.of(90))).execute().errors().verify();
	}

	private WebTestClient web(String token) {
		WebTestClient.Builder builder = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(token));
		}
		return builder.build();
	}

}
