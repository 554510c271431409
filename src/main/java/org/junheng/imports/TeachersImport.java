package org.junheng.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.junheng.security.AuditedTransactions;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.AfterCommit;
import org.junheng.system.BaseFiguresChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Imports staff lists (教职工名单): for each school in the file, its full-time teachers on the
 * school year's base date. The sheet streams through in bounded memory: each row is read and
 * checked as it comes ({@link TeacherRows}) and staged in a temporary table, a thousand at a
 * time; the checks across rows and against the database, and then the writes, are set-based
 * statements over the staged rows ({@link StaffStage}). All of it is one audited transaction: a
 * commit writes every row, and records as having left every teacher of a listed school missing
 * from its list, or nothing. A dry run, or a file with any refused row, writes only its outcome.
 */
@Component
class TeachersImport {

	private static final org.apache.commons.logging.Log logger = org.apache.commons.logging.LogFactory.getLog(TeachersImport.class);

	/** Rows staged per statement. */
	static final int CHUNK = 1000;

	/** Problems kept per import; the refused rows are all counted. */
	static final int KEPT_PROBLEMS = 10_000;

	private final Imports imports;

	private final AuditedTransactions transactions;

	private final StaffStage stage;

	private final ImportStore store;

	private final ApplicationEventPublisher events;

	TeachersImport(Imports imports, AuditedTransactions transactions, StaffStage stage, ImportStore store,
			ApplicationEventPublisher events) {
		this.imports = imports;
		this.transactions = transactions;
		this.stage = stage;
		this.store = store;
		this.events = events;
	}

	/** The caller may import staff lists at all; refused before the file is read otherwise. */
	Scope scope(Caller caller) {
		return this.imports.importable(caller, "action.addTeachers");
	}

	/** The import's record, RUNNING, so that its progress can be read while it runs. */
	Mono<Long> begin(Caller caller, Scope scope, String fileName, boolean dryRun) {
		return this.store.begin(ImportRecord.of("TEACHERS", fileName, dryRun, "RUNNING", caller.subject(), scope.regionCode(),
				scope.schoolId(), 0, null));
	}

	/** Reads, checks and (unless a dry run or refused) writes the file; completes when the import has its outcome. */
	Mono<Void> run(long id, Caller caller, Scope scope, Path file, String fileName, boolean dryRun) {
		long started = System.nanoTime();
		Run run = new Run();
		Mono<int[]> work = this.transactions.run(caller, "importTeachers:" + id, this.stage.create()
			.thenMany(SheetStream.parts(file, fileName))
			.<StaffStage.Row>handle((part, rows) -> {
				try {
					StaffStage.Row row = run.accept(part);
					if (row != null) {
						rows.next(row);
					}
				}
				catch (Refused refused) {
					rows.error(refused);
				}
			})
			.buffer(CHUNK)
			.concatMap((chunk) -> this.stage.insert(chunk).then(this.store.progress(id, run.read.get())))
			.then(Mono.defer(() -> this.stage.check(scope, run.merges, run.problems)))
			.then(Mono.defer(() -> {
				if (run.read.get() == 0) {
					run.fileProblem = "import.noRows";
				}
				boolean write = !dryRun && run.problems.isEmpty() && run.fileProblem == null;
				Mono<int[]> counts = write ? this.stage.write() : Mono.just(new int[5]);
				return counts.flatMap((done) -> this.stage.outcomes(id, write).then(this.store.problems(id, run.problems.kept()))
					.then(this.stage.counts())
					.map((outcomes) -> new int[] { outcomes[0], outcomes[1], outcomes[2], outcomes[3], done[4] }));
			})));
		return work
			.flatMap((counts) -> {
				boolean written = counts[0] + counts[1] > 0 || counts[4] > 0;
				Mono<Void> events = written ? AfterCommit.publish(this.events, new BaseFiguresChanged("teachers")) : Mono.empty();
				String status = (run.fileProblem != null || !run.problems.isEmpty()) ? "REFUSED" : dryRun ? "VALIDATED" : "COMMITTED";
				return events.then(this.store.finish(id, status, new int[] { counts[0], counts[1], counts[2], counts[3] },
						millis(started), run.read.get(), counts[4], run.fileProblem));
			})
			.onErrorResume(Refused.class, (refused) -> this.store.finish(id, "REFUSED", new int[4], millis(started), run.read.get(), 0,
					refused.key))
			.doOnCancel(() -> this.store.finish(id, "REFUSED", new int[4], millis(started), run.read.get(), 0, "import.cancelled")
				.subscribe())
			.onErrorResume((failed) -> !(failed instanceof Refused), (failed) -> {
				// Nothing was written (the transaction rolled back); the import says so, and that it may be retried.
				logger.warn("Teachers import " + id + " failed", failed);
				return this.store.finish(id, "REFUSED", new int[4], millis(started), run.read.get(), 0, "import.failed");
			});
	}

	private static long millis(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** What one import has read so far: rows, refused rows' problems, merged ranges, and a problem of the whole file. */
	static final class Run {

		final AtomicInteger read = new AtomicInteger();

		final Problems problems = new Problems(KEPT_PROBLEMS);

		final List<Sheet.Merge> merges = new ArrayList<>();

		String fileProblem;

		/** A part of the sheet as a row to stage, or none (a header, a merged range). */
		StaffStage.Row accept(Sheet.Part part) throws Refused {
			if (part instanceof Sheet.Header header) {
				if (header.templateVersion() != null && !header.templateVersion().equals(TeachersColumn.TEMPLATE_VERSION)) {
					throw new Refused("import.oldTeachersTemplate");
				}
				if (!header.headers().contains(TeachersColumn.CODE.header) || !header.headers().contains(TeachersColumn.SCHOOL_YEAR.header)
						|| !header.headers().contains(TeachersColumn.STAFF_NUMBER.header)) {
					throw new Refused("import.missingTeacherColumns");
				}
				return null;
			}
			if (part instanceof Sheet.Merge merge) {
				if (merge.firstRow() < merge.lastRow()) {
					this.merges.add(merge);
				}
				return null;
			}
			Sheet.Row row = (Sheet.Row) part;
			this.read.incrementAndGet();
			List<Problem> found = new ArrayList<>();
			TeacherRows.Parsed parsed = TeacherRows.parse(row, found);
			this.problems.addAll(found);
			return new StaffStage.Row(row.number(), Cells.text(row.get(TeachersColumn.CODE.header)),
					Cells.text(row.get(TeachersColumn.STAFF_NUMBER.header)), parsed);
		}

	}

}
