package org.junheng.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.junheng.school.ConditionsWriter;
import org.junheng.school.SchoolConditions;
import org.junheng.school.SchoolStage;
import org.junheng.security.AuditedTransactions;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.AfterCommit;
import org.junheng.system.BaseFiguresChanged;
import org.junheng.system.SqlWhere;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Imports a school-conditions sheet: every row read and checked, schools found by code within
 * what the caller may write (an ADMIN's region, a SCHOOL_ADMIN's own school), and then, unless
 * it is a dry run or any row is refused, all rows written in one audited transaction or none.
 * The import and each row's outcome are kept, whatever happened.
 */
@Component
class ConditionsImport {

	private final DatabaseClient db;

	private final Imports imports;

	private final AuditedTransactions transactions;

	private final ConditionsWriter writer;

	private final ImportStore store;

	private final ApplicationEventPublisher events;

	ConditionsImport(DatabaseClient db, Imports imports, AuditedTransactions transactions, ConditionsWriter writer, ImportStore store,
			ApplicationEventPublisher events) {
		this.db = db;
		this.imports = imports;
		this.transactions = transactions;
		this.writer = writer;
		this.store = store;
		this.events = events;
	}

	/** The caller may import conditions at all; refused before the file is read otherwise. */
	Scope scope(Caller caller) {
		return this.imports.importable(caller, "action.recordConditions");
	}

	/** Runs the import of the file; the answer is the import's ID. */
	Mono<Long> run(Caller caller, Scope scope, Path file, String fileName, boolean dryRun) {
		long started = System.nanoTime();
		return Mono.fromCallable(() -> SheetReader.read(file, fileName))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((sheet) -> {
				String fileProblem = fileProblem(sheet);
				if (fileProblem != null) {
					return refusedFile(caller, scope, fileName, dryRun, fileProblem, sheet.rows().size());
				}
				return rows(sheet, scope).flatMap((checked) -> record(caller, scope, fileName, dryRun, sheet, checked, started));
			})
			.onErrorResume(Refused.class,
					(refused) -> refusedFile(caller, scope, fileName, dryRun, refused.key, 0));
	}

	private static String fileProblem(Sheet sheet) {
		if (sheet.templateVersion() != null && !sheet.templateVersion().equals(ConditionsColumn.TEMPLATE_VERSION)) {
			return "import.oldTemplate";
		}
		if (!sheet.headers().contains(ConditionsColumn.CODE.header) || !sheet.headers().contains(ConditionsColumn.SCHOOL_YEAR.header)) {
			return "import.missingColumns";
		}
		return null;
	}

	private Mono<Long> refusedFile(Caller caller, Scope scope, String fileName, boolean dryRun, String problem, int rows) {
		return this.store.begin(ImportRecord.of("CONDITIONS", fileName, dryRun, "REFUSED", caller.subject(), scope.regionCode(),
				scope.schoolId(), rows, problem));
	}

	/** Every row read and checked; the valid ones with their school. */
	record Checked(List<ConditionsRows.Parsed> valid, Map<Integer, Long> schoolOf, List<ImportRecord.RowOutcome> refusedRows,
			List<Problem> problems) {
	}

	private Mono<Checked> rows(Sheet sheet, Scope scope) {
		List<Problem> problems = new ArrayList<>();
		List<ConditionsRows.Parsed> parsed = new ArrayList<>();
		Map<Integer, Sheet.Row> byNumber = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Sheet.Row row : sheet.rows()) {
			byNumber.put(row.number(), row);
			List<Problem> rowProblems = new ArrayList<>();
			sheet.merges().stream().filter((merge) -> merge.firstRow() <= row.number() && row.number() <= merge.lastRow()
					&& merge.firstRow() < merge.lastRow()).findFirst()
				.ifPresent((merge) -> rowProblems.add(ConditionsRows.problem(row, ConditionsColumn.CODE, "import.mergedCells", merge.range())));
			ConditionsRows.Parsed one = rowProblems.isEmpty() ? ConditionsRows.parse(row, rowProblems) : null;
			if (one != null) {
				Integer earlier = seen.putIfAbsent(one.code() + "/" + one.schoolYear(), row.number());
				if (earlier != null) {
					rowProblems.add(ConditionsRows.problem(row, ConditionsColumn.CODE, "import.duplicateRow", earlier));
					one = null;
				}
			}
			problems.addAll(rowProblems);
			if (one != null) {
				parsed.add(one);
			}
		}
		return schools(parsed.stream().map(ConditionsRows.Parsed::code).distinct().toList(), scope).map((schools) -> {
			List<ConditionsRows.Parsed> valid = new ArrayList<>();
			Map<Integer, Long> schoolOf = new HashMap<>();
			for (ConditionsRows.Parsed one : parsed) {
				Sheet.Row row = byNumber.get(one.row());
				Map.Entry<Long, SchoolStage> school = schools.get(one.code());
				List<Problem> rowProblems = new ArrayList<>();
				if (school == null) {
					// Outside the caller's reach and nonexistent read alike, as for every write.
					rowProblems.add(ConditionsRows.problem(row, ConditionsColumn.CODE, "import.schoolUnreachable"));
				}
				else {
					ConditionsRows.checkGrades(one, row, school.getValue(), rowProblems);
				}
				if (rowProblems.isEmpty()) {
					valid.add(one);
					schoolOf.put(one.row(), school.getKey());
				}
				problems.addAll(rowProblems);
			}
			List<ImportRecord.RowOutcome> refusedRows = problems.stream().map(Problem::row).distinct().sorted()
				.map((number) -> new ImportRecord.RowOutcome(number, Cells.text(byNumber.get(number).get(ConditionsColumn.CODE)),
						null, "REFUSED"))
				.toList();
			return new Checked(valid, schoolOf, refusedRows, problems);
		});
	}

	/** The schools of the codes that the scope lets the caller write, by code: their IDs and stages. */
	private Mono<Map<String, Map.Entry<Long, SchoolStage>>> schools(List<String> codes, Scope scope) {
		if (codes.isEmpty()) {
			return Mono.just(Map.of());
		}
		SqlWhere where = scope.onSchool(new SqlWhere().and("s.code = any(:codes)", "codes", codes.toArray(String[]::new)), "s.id");
		return where.bind(this.db.sql("select s.id, s.code, s.stage from school s where " + where.sql()))
			.map((row) -> Map.entry(row.get("code", String.class),
					Map.entry(row.get("id", Long.class), SchoolStage.valueOf(row.get("stage", String.class)))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private Mono<Long> record(Caller caller, Scope scope, String fileName, boolean dryRun, Sheet sheet, Checked checked, long started) {
		boolean write = !dryRun && checked.problems().isEmpty() && !checked.valid().isEmpty();
		ImportRecord record = ImportRecord.of("CONDITIONS", fileName, dryRun, "REFUSED", caller.subject(), scope.regionCode(),
				scope.schoolId(), sheet.rows().size(), (sheet.rows().isEmpty()) ? "import.noRows" : null);
		return this.store.begin(record).flatMap((id) -> {
			Mono<int[]> outcome = write ? written(caller, id, checked) : Mono.just(new int[] { 0, 0, 0, checked.refusedRows().size() });
			List<ImportRecord.RowOutcome> validRows = write ? List.of() : checked.valid().stream()
				.map((p) -> new ImportRecord.RowOutcome(p.row(), p.code(), p.schoolYear(), "VALID")).toList();
			String status = write ? "COMMITTED" : (dryRun && !sheet.rows().isEmpty()) ? "VALIDATED" : "REFUSED";
			return outcome.flatMap((counts) -> this.store.rows(id, merged(validRows, checked.refusedRows()))
				.then(this.store.problems(id, checked.problems()))
				.then(this.store.finish(id, status, counts, (System.nanoTime() - started) / 1_000_000)))
				.thenReturn(id);
		});
	}

	/** All rows in one audited transaction, with their outcomes; nothing when any write fails. */
	private Mono<int[]> written(Caller caller, long id, Checked checked) {
		int[] counts = new int[4];
		List<SchoolConditions> all = checked.valid().stream()
			.map((parsed) -> forSchool(parsed.figures(), checked.schoolOf().get(parsed.row())))
			.toList();
		Mono<Void> rows = this.writer.upsertAll(all).flatMap((results) -> {
			List<ImportRecord.RowOutcome> outcomes = new ArrayList<>();
			for (ConditionsRows.Parsed parsed : checked.valid()) {
				ConditionsWriter.Outcome result = results.get(new ConditionsWriter.Key(checked.schoolOf().get(parsed.row()),
						parsed.schoolYear()));
				counts[result.ordinal()]++;
				outcomes.add(new ImportRecord.RowOutcome(parsed.row(), parsed.code(), parsed.schoolYear(), result.name()));
			}
			return this.store.rows(id, outcomes);
		});
		return this.transactions.run(caller, "importConditions:" + id, rows.thenReturn(counts))
			.flatMap((done) -> AfterCommit.publish(this.events, new BaseFiguresChanged("school conditions")).thenReturn(done));
	}

	private static List<ImportRecord.RowOutcome> merged(List<ImportRecord.RowOutcome> a, List<ImportRecord.RowOutcome> b) {
		List<ImportRecord.RowOutcome> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static SchoolConditions forSchool(SchoolConditions figures, long schoolId) {
		return new SchoolConditions(null, schoolId, figures.schoolYear(), figures.studentsByGrade(), figures.classSizes(),
				figures.teachingArea(), figures.sportsArea(), figures.equipmentValue(), figures.multimediaClassrooms(),
				figures.musicRoomAreas(), figures.artRoomAreas(), figures.books(), null);
	}

}
