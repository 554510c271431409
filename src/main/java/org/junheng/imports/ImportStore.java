package org.junheng.imports;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The import tables (V8): an import, its rows' outcomes and its problems, each list in one statement. */
@Component
class ImportStore {

	private static final Duration PROGRESS_WAIT = Duration.ofMillis(250);

	private final DatabaseClient db;

	ImportStore(DatabaseClient db) {
		this.db = db;
	}

	/** A new import, refused until its rows are written; returns its ID. */
	Mono<Long> begin(ImportRecord record) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("insert into import_batch (kind, file_name, dry_run, status, actor,"
				+ " region_code, school_id, rows_total, file_problem) values (:kind, :file, :dry, :status, :actor, :region, :school,"
				+ " :total, :problem) returning id")
			.bind("kind", record.kind())
			.bind("file", record.fileName())
			.bind("dry", record.dryRun())
			.bind("status", record.status())
			.bind("actor", record.actor())
			.bind("total", record.rowsTotal());
		spec = (record.regionCode() != null) ? spec.bind("region", record.regionCode()) : spec.bindNull("region", String.class);
		spec = (record.schoolId() != null) ? spec.bind("school", record.schoolId()) : spec.bindNull("school", Long.class);
		spec = (record.fileProblem() != null) ? spec.bind("problem", record.fileProblem()) : spec.bindNull("problem", String.class);
		return spec.map((row) -> row.get("id", Long.class)).one();
	}

	Mono<Void> finish(long id, String status, int[] counts, long millis) {
		return finish(id, status, counts, millis, -1, 0, null);
	}

	/**
	 * What became of an import: its status, counts (created, updated, unchanged, refused), time,
	 * rows in all (-1: as counted so far), teachers recorded as having left, and the file's problem.
	 */
	Mono<Void> finish(long id, String status, int[] counts, long millis, int total, int left, String fileProblem) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("update import_batch set status = :status, rows_created = :created,"
				+ " rows_updated = :updated, rows_unchanged = :unchanged, rows_refused = :refused, duration_ms = :millis,"
				+ " rows_total = case when :total < 0 then rows_total else :total end, rows_read = greatest(rows_read, rows_total),"
				+ " teachers_left = :left, file_problem = coalesce(:problem, file_problem) where id = :id")
			.bind("id", id).bind("status", status).bind("created", counts[0]).bind("updated", counts[1])
			.bind("unchanged", counts[2]).bind("refused", counts[3]).bind("millis", (int) millis).bind("total", total)
			.bind("left", left);
		return ((fileProblem != null) ? spec.bind("problem", fileProblem) : spec.bindNull("problem", String.class)).then();
	}

	/**
	 * Rows read so far by a running import, written outside its transaction so that pollers see it.
	 * That takes a second connection while the import holds its own: when none is free within a
	 * moment the figure waits for the next chunk, so that imports at once never hold every
	 * connection of the pool while each waits for one more.
	 */
	Mono<Void> progress(long id, int rowsRead) {
		return this.db.sql("update import_batch set rows_read = :read where id = :id").bind("id", id).bind("read", rowsRead).then()
			.contextWrite((context) -> reactor.util.context.Context.empty())
			.timeout(PROGRESS_WAIT)
			.onErrorResume(TimeoutException.class, (busy) -> Mono.empty());
	}

	/**
	 * Imports left RUNNING by an instance that stopped: nothing of theirs was committed. Six hours
	 * is far past any import's time (each statement may take 15 minutes), so another instance's
	 * running import is never taken for one.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void sweepInterrupted() {
		interrupted().subscribe();
	}

	Mono<Long> interrupted() {
		return this.db.sql("update import_batch set status = 'REFUSED', file_problem = :problem"
				+ " where status = 'RUNNING' and created_at < now() - interval '6 hours'")
			.bind("problem", "import.interrupted")
			.fetch().rowsUpdated();
	}

	Mono<Void> rows(long id, List<ImportRecord.RowOutcome> rows) {
		if (rows.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql("insert into import_row (import_id, row_number, school_code, school_year, outcome)"
				+ " select :id, * from unnest(:numbers::integer[], :codes::text[], :years::integer[], :outcomes::text[])")
			.bind("id", id)
			.bind("numbers", rows.stream().map(ImportRecord.RowOutcome::row).toArray(Integer[]::new))
			.bind("codes", rows.stream().map(ImportRecord.RowOutcome::schoolCode).toArray(String[]::new))
			.bind("years", rows.stream().map(ImportRecord.RowOutcome::schoolYear).toArray(Integer[]::new))
			.bind("outcomes", rows.stream().map(ImportRecord.RowOutcome::outcome).toArray(String[]::new))
			.then();
	}

	Mono<Void> problems(long id, List<Problem> problems) {
		if (problems.isEmpty()) {
			return Mono.empty();
		}
		return this.db.sql("insert into import_problem (import_id, row_number, position, column_name, value, message_zh, message_en)"
				+ " select :id, p.row_number, row_number() over (partition by p.row_number order by p.ord), p.column_name, p.value,"
				+ " p.zh, p.en from unnest(:rows::integer[], :columns::text[], :values::text[], :zh::text[], :en::text[])"
				+ " with ordinality as p (row_number, column_name, value, zh, en, ord)")
			.bind("id", id)
			.bind("rows", problems.stream().map(Problem::row).toArray(Integer[]::new))
			.bind("columns", problems.stream().map(Problem::column).toArray(String[]::new))
			.bind("values", problems.stream().map(Problem::value).toArray(String[]::new))
			.bind("zh", problems.stream().map(Problem::chinese).toArray(String[]::new))
			.bind("en", problems.stream().map(Problem::english).toArray(String[]::new))
			.then();
	}

}
