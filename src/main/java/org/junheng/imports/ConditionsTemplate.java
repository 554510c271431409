package org.junheng.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The school-conditions template: a data sheet with the Chinese headers, frozen, with input
 * checks on the school year and the figures; a notes sheet saying what each column takes and
 * the template version that uploads are checked against. The same headers as UTF-8 CSV (with a
 * byte-order mark, so Excel opens it as UTF-8).
 */
final class ConditionsTemplate {

	private static final int DATA_ROWS = 5000;

	private ConditionsTemplate() {
	}

	static byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet data = workbook.createSheet("办学条件");
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			header.setWrapText(true);
			Row row = data.createRow(0);
			ConditionsColumn[] columns = ConditionsColumn.values();
			for (int i = 0; i < columns.length; i++) {
				row.createCell(i).setCellValue(columns[i].header);
				row.getCell(i).setCellStyle(header);
				data.setColumnWidth(i, Math.max(12, columns[i].header.length() * 2 + 2) * 256);
			}
			row.setHeightInPoints(36);
			data.createFreezePane(3, 1);
			DataValidationHelper validations = data.getDataValidationHelper();
			validate(data, validations, validations.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "1949", "2200"),
					ConditionsColumn.SCHOOL_YEAR.ordinal(), "学年为 1949 到 2200 之间的整数，如 2026");
			for (ConditionsColumn column : ConditionsColumn.GRADES) {
				validate(data, validations, validations.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0",
						null), column.ordinal(), "学生数为不小于 0 的整数");
			}
			for (ConditionsColumn column : new ConditionsColumn[] { ConditionsColumn.TEACHING_AREA, ConditionsColumn.SPORTS_AREA,
					ConditionsColumn.EQUIPMENT_VALUE }) {
				validate(data, validations, validations.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0",
						null), column.ordinal(), "不小于 0 的数");
			}
			Sheet notes = workbook.createSheet(SheetReader.NOTES_SHEET);
			notes.createRow(0).createCell(0).setCellValue(SheetReader.VERSION_LABEL);
			notes.getRow(0).createCell(1).setCellValue(ConditionsColumn.TEMPLATE_VERSION);
			notes.createRow(1).createCell(0).setCellValue("每所学校每个学年填一行；同一学校同一学年重复导入时以最新一次为准，内容相同则不作改动。");
			notes.createRow(2).createCell(0).setCellValue("先以“试导入”检查全部行，再正式导入；有任何一行不合格时，整份文件不导入。");
			notes.createRow(4).createCell(0).setCellValue("列");
			notes.getRow(4).createCell(1).setCellValue("填写说明");
			for (int i = 0; i < columns.length; i++) {
				Row line = notes.createRow(5 + i);
				line.createCell(0).setCellValue(columns[i].header);
				line.createCell(1).setCellValue(columns[i].note);
			}
			notes.setColumnWidth(0, 34 * 256);
			notes.setColumnWidth(1, 80 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void validate(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint, int column,
			String message) {
		DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, DATA_ROWS, column, column));
		validation.setShowErrorBox(true);
		validation.createErrorBox("输入有误", message);
		validation.setShowPromptBox(true);
		validation.createPromptBox("填写说明", message);
		sheet.addValidationData(validation);
	}

	static byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord(ConditionsColumn.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
