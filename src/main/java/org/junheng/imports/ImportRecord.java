package org.junheng.imports;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/**
 * An import as stored: who sent which file, a dry run or not, what became of it, and the scope it
 * was written in (a region, or a school administrator's school), which decides who may read it.
 */
record ImportRecord(Long id, String kind, String fileName, boolean dryRun, String status, String actor, String regionCode,
		Long schoolId, int rowsTotal, int rowsCreated, int rowsUpdated, int rowsUnchanged, int rowsRefused, String fileProblem,
		OffsetDateTime createdAt, int durationMs, int rowsRead, int teachersLeft) {

	/** A new import of this kind by the caller in its scope, before anything became of it. */
	static ImportRecord of(String kind, String fileName, boolean dryRun, String status, String actor, String regionCode, Long schoolId,
			int rowsTotal, String fileProblem) {
		return new ImportRecord(null, kind, fileName, dryRun, status, actor, regionCode, schoolId, rowsTotal, 0, 0, 0, 0, fileProblem,
				null, 0, 0, 0);
	}

	/** What became of one row; the staff number for a staff list's row. */
	record RowOutcome(int row, String schoolCode, Integer schoolYear, String outcome, String staffNumber) {

		RowOutcome(int row, String schoolCode, Integer schoolYear, String outcome) {
			this(row, schoolCode, schoolYear, outcome, null);
		}

	}

	static ImportRecord from(Readable row) {
		return new ImportRecord(row.get("id", Long.class), row.get("kind", String.class), row.get("file_name", String.class), Boolean.TRUE.equals(row.get("dry_run",
				Boolean.class)), row.get("status", String.class), row.get("actor", String.class), row.get("region_code", String.class),
				row.get("school_id", Long.class), row.get("rows_total", Integer.class), row.get("rows_created", Integer.class),
				row.get("rows_updated", Integer.class), row.get("rows_unchanged", Integer.class), row.get("rows_refused", Integer.class),
				row.get("file_problem", String.class), row.get("created_at", OffsetDateTime.class), row.get("duration_ms", Integer.class),
				row.get("rows_read", Integer.class), row.get("teachers_left", Integer.class));
	}

}
