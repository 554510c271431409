package org.junheng.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
 * An import template: a data sheet with the Chinese headers, frozen, with Excel's input checks
 * (whole numbers in a range, numbers, lists to pick from); a notes sheet saying what each column
 * takes and the template version that uploads are checked against. The same headers as UTF-8 CSV
 * (with a byte-order mark, so Excel opens it as UTF-8).
 */
record Template(String sheetName, String version, int frozenColumns, List<Template.Column> columns, List<String> notes) {

	private static final int DATA_ROWS = 5000;

	/** A column: its header, what to write in it, and the input check Excel applies, if any. */
	record Column(String header, String note, Check check) {
	}

	/** Excel's input check of a column: whole numbers from min to max (max null: no upper bound), numbers from min, or a list. */
	record Check(String kind, String min, String max, List<String> choices, String message) {

		static Check whole(String min, String max, String message) {
			return new Check("whole", min, max, null, message);
		}

		static Check decimal(String min, String message) {
			return new Check("decimal", min, null, null, message);
		}

		static Check choice(List<String> choices) {
			return new Check("list", null, null, choices, "从列表中选择：" + String.join("、", choices));
		}

	}

	byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet data = workbook.createSheet(this.sheetName);
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			header.setWrapText(true);
			Row row = data.createRow(0);
			DataValidationHelper validations = data.getDataValidationHelper();
			for (int i = 0; i < this.columns.size(); i++) {
				Column column = this.columns.get(i);
				row.createCell(i).setCellValue(column.header());
				row.getCell(i).setCellStyle(header);
				data.setColumnWidth(i, Math.max(12, column.header().length() * 2 + 2) * 256);
				if (column.check() != null) {
					validate(data, validations, column.check(), i);
				}
			}
			row.setHeightInPoints(36);
			data.createFreezePane(this.frozenColumns, 1);
			Sheet notes = workbook.createSheet(SheetReader.NOTES_SHEET);
			notes.createRow(0).createCell(0).setCellValue(SheetReader.VERSION_LABEL);
			notes.getRow(0).createCell(1).setCellValue(this.version);
			for (int i = 0; i < this.notes.size(); i++) {
				notes.createRow(1 + i).createCell(0).setCellValue(this.notes.get(i));
			}
			int first = this.notes.size() + 2;
			notes.createRow(first).createCell(0).setCellValue("列");
			notes.getRow(first).createCell(1).setCellValue("填写说明");
			for (int i = 0; i < this.columns.size(); i++) {
				Row line = notes.createRow(first + 1 + i);
				line.createCell(0).setCellValue(this.columns.get(i).header());
				line.createCell(1).setCellValue(this.columns.get(i).note());
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

	private static void validate(Sheet sheet, DataValidationHelper helper, Check check, int column) {
		DataValidationConstraint constraint = switch (check.kind()) {
			case "whole" -> helper.createIntegerConstraint((check.max() != null) ? DataValidationConstraint.OperatorType.BETWEEN
					: DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, check.min(), check.max());
			case "decimal" -> helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, check.min(), null);
			default -> helper.createExplicitListConstraint(check.choices().toArray(String[]::new));
		};
		DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, DATA_ROWS, column, column));
		validation.setShowErrorBox(true);
		validation.createErrorBox("输入有误", check.message());
		validation.setShowPromptBox(true);
		validation.createPromptBox("填写说明", check.message());
		sheet.addValidationData(validation);
	}

	byte[] csv() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord(this.columns.stream().map(Column::header).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
