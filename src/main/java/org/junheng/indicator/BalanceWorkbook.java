package org.junheng.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.junheng.system.Languages;
import org.junheng.system.Text;

/**
 * The inspection workbook (督导评估) of a region and school year: each stage's schools with their
 * seven indicators (value, threshold, ratio, status, coloured) and verdict with reasons; the
 * coefficients of variation against their thresholds; the guarantee items; the exchange; and
 * the shortfalls, worst first. Numbers are numbers, headers Chinese and frozen, pages A4
 * landscape. Written with POI's streaming workbook, so a province's schools need little memory.
 */
final class BalanceWorkbook {

	private static final String[] STATUS = { "达标", "接近（≥85%）", "未达标", "无数据" };

	private BalanceWorkbook() {
	}

	/** A school and what the graph says of it. */
	record SchoolRow(String name, Views.BalanceVerdict verdict) {
	}

	static byte[] write(String regionName, int schoolYear, List<Views.RegionBalance> balances, List<SchoolRow> schools,
			Map<Long, String> names) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			for (Views.RegionBalance balance : balances) {
				schoolsSheet(workbook, styles, regionName, schoolYear, balance.stage(), schools);
			}
			cvSheet(workbook, styles, regionName, schoolYear, balances);
			guaranteeSheet(workbook, styles, schools);
			exchangeSheet(workbook, styles, balances);
			shortfallSheet(workbook, styles, balances, names);
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void schoolsSheet(SXSSFWorkbook workbook, Styles styles, String region, int year, Segment stage,
			List<SchoolRow> schools) {
		Sheet sheet = sheet(workbook, (stage == Segment.PRIMARY ? "小学" : "初中") + "学校指标", 2);
		title(sheet, styles, region + " " + year + "—" + (year + 1) + " 学年 " + (stage == Segment.PRIMARY ? "小学" : "初中")
				+ "资源配置七项指标");
		List<String> headers = new ArrayList<>(List.of("学校", "学生数"));
		for (ResourceIndicator indicator : ResourceIndicator.values()) {
			String name = indicator.text().in(Languages.CHINESE);
			headers.addAll(List.of(name, "标准值", "达标比例", "状态"));
		}
		headers.addAll(List.of("结论", "原因"));
		header(sheet, styles, 1, headers);
		int r = 2;
		for (SchoolRow school : schools) {
			for (Views.SchoolIndicators indicators : school.verdict().stages()) {
				if (indicators.stage() != stage) {
					continue;
				}
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(school.name());
				row.createCell(1).setCellValue(indicators.students());
				int c = 2;
				for (Views.IndicatorValue value : indicators.indicators()) {
					number(row, c++, value.value(), styles.decimal);
					number(row, c++, value.threshold(), styles.decimal);
					number(row, c++, value.ratio(), styles.percent);
					row.createCell(c).setCellValue(STATUS[value.status().ordinal()]);
					row.getCell(c++).setCellStyle(styles.status[value.status().ordinal()]);
				}
				row.createCell(c++).setCellValue(verdict(indicators.verdict()));
				row.createCell(c).setCellValue(Text.joined(indicators.reasons()).in(Languages.CHINESE));
			}
		}
		sheet.setColumnWidth(0, 26 * 256);
		sheet.setColumnWidth(headers.size() - 1, 60 * 256);
	}

	private static void cvSheet(SXSSFWorkbook workbook, Styles styles, String region, int year, List<Views.RegionBalance> balances) {
		Sheet sheet = sheet(workbook, "差异系数", 2);
		title(sheet, styles, region + " " + year + "—" + (year + 1) + " 学年 校际差异系数");
		header(sheet, styles, 1, List.of("学段", "指标", "差异系数", "标准（≤）", "是否达标", "参与计算学校数", "缺数据学校数", "区域均值"));
		int r = 2;
		for (Views.RegionBalance balance : balances) {
			for (Views.IndicatorBalance indicator : balance.indicators()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(balance.stage() == Segment.PRIMARY ? "小学" : "初中");
				row.createCell(1).setCellValue(ResourceIndicator.valueOf(indicator.code()).text().in(Languages.CHINESE));
				number(row, 2, indicator.cv(), styles.cv);
				number(row, 3, indicator.threshold(), styles.cv);
				row.createCell(4).setCellValue(indicator.met() == null ? "无法判定" : indicator.met() ? "达标" : "未达标");
				row.getCell(4).setCellStyle(styles.status[indicator.met() == null ? 3 : indicator.met() ? 0 : 2]);
				row.createCell(5).setCellValue(indicator.schoolsCounted());
				row.createCell(6).setCellValue(indicator.schoolsMissing());
				number(row, 7, indicator.mean(), styles.decimal);
			}
		}
		r++;
		header(sheet, styles, r++, List.of("学段", "学校数", "参评学校数", "达标学校数", "结论", "原因"));
		for (Views.RegionBalance balance : balances) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(balance.stage() == Segment.PRIMARY ? "小学" : "初中");
			row.createCell(1).setCellValue(balance.schools());
			row.createCell(2).setCellValue(balance.judgedSchools());
			row.createCell(3).setCellValue(balance.passingSchools());
			row.createCell(4).setCellValue(verdict(balance.verdict()));
			row.createCell(5).setCellValue(Text.joined(balance.reasons()).in(Languages.CHINESE));
		}
		sheet.setColumnWidth(1, 40 * 256);
		sheet.setColumnWidth(5, 80 * 256);
	}

	private static void guaranteeSheet(SXSSFWorkbook workbook, Styles styles, List<SchoolRow> schools) {
		Sheet sheet = sheet(workbook, "保障项目", 1);
		header(sheet, styles, 0, List.of("学校", "项目", "是否达到", "数值", "要求", "说明"));
		int r = 1;
		for (SchoolRow school : schools) {
			for (GuaranteeItem item : school.verdict().guarantees()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(school.name());
				row.createCell(1).setCellValue(item.code());
				row.createCell(2).setCellValue(item.met() == null ? "无数据" : item.met() ? "达到" : "未达到");
				row.getCell(2).setCellStyle(styles.status[item.met() == null ? 3 : item.met() ? 0 : 2]);
				number(row, 3, item.value(), styles.decimal);
				number(row, 4, item.required(), styles.decimal);
				row.createCell(5).setCellValue(item.detail().in(Languages.CHINESE));
			}
		}
		sheet.setColumnWidth(0, 26 * 256);
		sheet.setColumnWidth(5, 60 * 256);
	}

	private static void exchangeSheet(SXSSFWorkbook workbook, Styles styles, List<Views.RegionBalance> balances) {
		Sheet sheet = sheet(workbook, "交流轮岗", 1);
		header(sheet, styles, 0, List.of("符合交流条件教师数", "交流教师数", "交流比例", "标准（≥）", "交流骨干教师数", "骨干教师占比",
				"标准（≥）", "是否达标"));
		Views.ExchangeBalance exchange = balances.get(0).exchange();
		Row row = sheet.createRow(1);
		row.createCell(0).setCellValue(exchange.eligibleTeachers());
		row.createCell(1).setCellValue(exchange.exchangedTeachers());
		number(row, 2, exchange.ratio(), styles.percent);
		number(row, 3, exchange.ratioThreshold(), styles.percent);
		row.createCell(4).setCellValue(exchange.backboneExchanged());
		number(row, 5, exchange.backboneShare(), styles.percent);
		number(row, 6, exchange.backboneShareThreshold(), styles.percent);
		row.createCell(7).setCellValue(exchange.met() == null ? "无法判定" : exchange.met() ? "达标" : "未达标");
		row.getCell(7).setCellStyle(styles.status[exchange.met() == null ? 3 : exchange.met() ? 0 : 2]);
	}

	private static void shortfallSheet(SXSSFWorkbook workbook, Styles styles, List<Views.RegionBalance> balances,
			Map<Long, String> names) {
		Sheet sheet = sheet(workbook, "差距清单", 1);
		header(sheet, styles, 0, List.of("学段", "指标", "学校", "数值", "标准值", "达标比例"));
		record Gap(Segment stage, String indicator, Views.Shortfall shortfall) {
		}
		List<Gap> gaps = new ArrayList<>();
		for (Views.RegionBalance balance : balances) {
			for (Views.IndicatorBalance indicator : balance.indicators()) {
				indicator.shortfalls().forEach((shortfall) -> gaps.add(new Gap(balance.stage(), indicator.code(), shortfall)));
			}
		}
		gaps.sort(Comparator.comparingDouble((Gap gap) -> gap.shortfall().ratio()));
		int r = 1;
		for (Gap gap : gaps) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(gap.stage() == Segment.PRIMARY ? "小学" : "初中");
			row.createCell(1).setCellValue(ResourceIndicator.valueOf(gap.indicator()).text().in(Languages.CHINESE));
			row.createCell(2).setCellValue(names.getOrDefault(gap.shortfall().schoolId(), String.valueOf(gap.shortfall().schoolId())));
			number(row, 3, gap.shortfall().value(), styles.decimal);
			number(row, 4, gap.shortfall().threshold(), styles.decimal);
			number(row, 5, gap.shortfall().ratio(), styles.percent);
		}
		sheet.setColumnWidth(1, 40 * 256);
		sheet.setColumnWidth(2, 26 * 256);
	}

	private static String verdict(Verdict verdict) {
		return switch (verdict) {
			case PASS -> "达标";
			case FAIL -> "未达标";
			case NO_DATA -> "数据不足";
			case NOT_JUDGED -> "不参评";
		};
	}

	private static Sheet sheet(SXSSFWorkbook workbook, String name, int frozenRows) {
		Sheet sheet = workbook.createSheet(name);
		sheet.createFreezePane(1, frozenRows);
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:" + frozenRows));
		return sheet;
	}

	private static void title(Sheet sheet, Styles styles, String text) {
		Row row = sheet.createRow(0);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(styles.title);
	}

	private static void header(Sheet sheet, Styles styles, int index, List<String> headers) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < headers.size(); i++) {
			row.createCell(i).setCellValue(headers.get(i));
			row.getCell(i).setCellStyle(styles.header);
			if (sheet.getColumnWidth(i) < 12 * 256) {
				sheet.setColumnWidth(i, 12 * 256);
			}
		}
	}

	private static void number(Row row, int column, Double value, CellStyle style) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
			row.getCell(column).setCellStyle(style);
		}
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle header;

		final CellStyle decimal;

		final CellStyle cv;

		final CellStyle percent;

		/** MET, NEAR, BELOW, NO_DATA: the status words on green, amber, red and grey. */
		final CellStyle[] status = new CellStyle[4];

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.title = workbook.createCellStyle();
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title.setFont(big);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.header.setWrapText(true);
			this.decimal = workbook.createCellStyle();
			this.decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			this.cv = workbook.createCellStyle();
			this.cv.setDataFormat(workbook.createDataFormat().getFormat("0.000"));
			this.percent = workbook.createCellStyle();
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			short[] colours = { IndexedColors.LIGHT_GREEN.getIndex(), IndexedColors.LIGHT_YELLOW.getIndex(), IndexedColors.ROSE.getIndex(),
					IndexedColors.GREY_25_PERCENT.getIndex() };
			for (int i = 0; i < colours.length; i++) {
				this.status[i] = workbook.createCellStyle();
				this.status[i].setFillForegroundColor(colours[i]);
				this.status[i].setFillPattern(FillPatternType.SOLID_FOREGROUND);
			}
		}

	}

}
