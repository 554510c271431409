package org.junheng.imports;

import java.util.List;
import java.util.Map;

/**
 * An uploaded sheet as text: its header row, its data rows by header (empty rows left out), the
 * template version its notes sheet names (null when it has none, as a CSV file), and the merged
 * ranges of the data sheet, each as {@code A2:A3}.
 */
record Sheet(List<String> headers, List<Row> rows, String templateVersion, List<Merge> merges) {

	/** What a sheet is read as, one part at a time: a header, its rows, then its merged ranges. */
	sealed interface Part permits Header, Row, Merge {
	}

	/** The header row's texts, normalized, and the template version of the notes sheet (null when none). */
	record Header(List<String> headers, String templateVersion) implements Part {
	}

	/** A data row: its number as the spreadsheet shows it, and each cell's text by its column's header. */
	record Row(int number, Map<String, String> cells) implements Part {

		String get(ConditionsColumn column) {
			return get(column.header);
		}

		String get(String header) {
			// Headers are read normalized (full-width brackets as ASCII), so the column's is too.
			return this.cells.getOrDefault(Cells.text(header), "");
		}

	}

	/** A merged range, with the first and last row it spans. */
	record Merge(String range, int firstRow, int lastRow) implements Part {
	}

}
