package org.junheng.imports;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.security.Scope;
import org.junheng.system.SqlWhere;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reading imports back: a caller reads its own, and an ADMIN those written within its region
 * (a SCHOOL_ADMIN those of its school), whoever sent them.
 */
@Component
class Imports {

	private static final int MAX_PROBLEMS = 1000;

	private final DatabaseClient db;

	private final Access access;

	Imports(DatabaseClient db, Access access) {
		this.db = db;
		this.access = access;
	}

	/**
	 * Where the caller may import: an ADMIN its region, a SCHOOL_ADMIN its own school. The same
	 * scope decides whose imports it reads. Refused before a file is read when it is nowhere.
	 */
	Scope importable(Caller caller, String action) {
		Scope scope = writers(caller);
		if (scope.none()) {
			throw caller.forbidden("file", action);
		}
		return scope;
	}

	private Scope writers(Caller caller) {
		return this.access.writableSchools(caller, true, Role.ADMIN);
	}

	Mono<List<ImportRecord>> list(Caller caller, int first) {
		SqlWhere where = visible(caller);
		return where.bind(this.db.sql("select * from import_batch b where " + where.sql() + " order by id desc limit :limit"))
			.bind("limit", first)
			.map(ImportRecord::from).all().collectList();
	}

	Mono<ImportRecord> one(Caller caller, long id) {
		SqlWhere where = visible(caller).and("b.id = :id", "id", id);
		return where.bind(this.db.sql("select * from import_batch b where " + where.sql())).map(ImportRecord::from).one();
	}

	/** The first problems of each import, in row order, in one statement for all of them. */
	Mono<Map<Long, List<Problem>>> problems(List<Long> ids) {
		return this.db.sql("select * from (select p.*, row_number() over (partition by import_id order by row_number, position) as n"
				+ " from import_problem p where import_id = any(:ids)) x where n <= " + MAX_PROBLEMS + " order by import_id, n")
			.bind("ids", ids.toArray(Long[]::new))
			.map((row) -> Map.entry(row.get("import_id", Long.class), new Problem(row.get("row_number", Integer.class),
					row.get("column_name", String.class), row.get("value", String.class), row.get("message_zh", String.class),
					row.get("message_en", String.class))))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	Mono<List<Problem>> problems(long id) {
		return problems(List.of(id)).map((byImport) -> byImport.getOrDefault(id, List.of()));
	}

	/** Of each import, the first {@code first} rows after row {@code afterRow}, in row order, in one statement. */
	Mono<Map<Long, List<ImportRecord.RowOutcome>>> rows(List<Long> ids, int first, int afterRow) {
		return this.db.sql("select r.* from unnest(:ids::bigint[]) as i (id) cross join lateral (select * from import_row"
				+ " where import_id = i.id and row_number > :after order by row_number limit :first) r order by r.import_id, r.row_number")
			.bind("ids", ids.toArray(Long[]::new)).bind("after", afterRow).bind("first", first)
			.map((row) -> Map.entry(row.get("import_id", Long.class), new ImportRecord.RowOutcome(row.get("row_number", Integer.class),
					row.get("school_code", String.class), row.get("school_year", Integer.class), row.get("outcome", String.class),
					row.get("staff_number", String.class))))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** The imports the caller may read, over {@code import_batch b}. */
	private SqlWhere visible(Caller caller) {
		Scope scope = writers(caller);
		if (scope.all()) {
			return new SqlWhere();
		}
		if (scope.regionCode() != null) {
			// A school administrator's import belongs to its school's region.
			return new SqlWhere().and("(b.actor = :me or " + Scope.within(
					"coalesce(b.region_code, (select s.region_code from school s where s.id = b.school_id))", "scope_region") + ")",
					"me", caller.subject()).and("true", "scope_region", scope.regionCode());
		}
		if (scope.schoolId() != null) {
			return new SqlWhere().and("(b.actor = :me or b.school_id = :own)", "me", caller.subject()).and("true", "own", scope.schoolId());
		}
		return new SqlWhere().and("b.actor = :me", "me", caller.subject());
	}

}
