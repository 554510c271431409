package org.junheng.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.junheng.system.GlobalId;
import org.junheng.system.Text;

/**
 * An import as a client reads it, over HTTP after an upload and in the graph ({@code Query.import}):
 * what was sent, what became of it, and every refused row's reasons in the reader's language.
 */
record ImportView(String id, String kind, String fileName, boolean dryRun, String status, String fileProblem, int rowsTotal,
		int rowsRead, int rowsCreated, int rowsUpdated, int rowsUnchanged, int rowsRefused, int teachersLeft, String importedBy,
		OffsetDateTime createdAt, int durationMs, List<ProblemView> problems) {

	/** One reason a row was refused. */
	record ProblemView(int row, String column, String value, String message) {
	}

	static ImportView of(ImportRecord record, List<Problem> problems, Locale locale) {
		return new ImportView(GlobalId.of("Import", record.id()), record.kind(), record.fileName(), record.dryRun(), record.status(),
				(record.fileProblem() != null) ? Text.of(record.fileProblem()).in(locale) : null, record.rowsTotal(), record.rowsRead(),
				record.rowsCreated(), record.rowsUpdated(), record.rowsUnchanged(), record.rowsRefused(), record.teachersLeft(),
				record.actor(),
				record.createdAt(), record.durationMs(),
				problems.stream().map((p) -> new ProblemView(p.row(), p.column(), p.value(), p.message(locale))).toList());
	}

}
