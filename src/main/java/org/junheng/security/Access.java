package org.junheng.security;

import reactor.core.publisher.Mono;

import org.junheng.system.NotFoundException;
import org.junheng.system.SqlWhere;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Who may read and write what. Region-level data (regions, plans with their milestones, region
 * indicators) is public unless {@code junheng.security.public-read} is off; school data (schools,
 * conditions, teachers, exchanges, pairings) is read within a region subtree or one's own school;
 * writes are checked against the region or school they touch, in SQL, before anything changes.
 */
@Component
public class Access {

	private final DatabaseClient db;

	private final boolean publicRead;

	Access(DatabaseClient db, @Value("${junheng.security.public-read:true}") boolean publicRead) {
		this.db = db;
		this.publicRead = publicRead;
	}

	/** What the caller reads of region-level data. */
	public Scope publicData(Caller caller) {
		if (this.publicRead) {
			return Scope.ALL;
		}
		if (caller.regional(Role.values())) {
			return regionScope(caller);
		}
		return caller.schoolAdmin() ? Scope.school(caller.schoolId()) : Scope.NONE;
	}

	/** What the caller reads of school data. */
	public Scope schoolData(Caller caller) {
		if (caller.regional(Role.ADMIN, Role.PLANNER, Role.VIEWER)) {
			return regionScope(caller);
		}
		return caller.schoolAdmin() ? Scope.school(caller.schoolId()) : Scope.NONE;
	}

	/** Whose personal data (names, birth years, certificates, training) the caller reads. */
	public Scope personalData(Caller caller) {
		if (caller.regional(Role.ADMIN)) {
			return regionScope(caller);
		}
		return caller.schoolAdmin() ? Scope.school(caller.schoolId()) : Scope.NONE;
	}

	private static Scope regionScope(Caller caller) {
		return caller.national() ? Scope.ALL : Scope.region(caller.regionCode());
	}

	/** A top-level list or lookup of region-level data: refused outright only when nothing is readable. */
	public Scope requirePublicData(Caller caller, String field) {
		return readable(publicData(caller), caller, field);
	}

	/** A top-level list or lookup of school data: anonymous callers and roleless tokens are refused. */
	public Scope requireSchoolData(Caller caller, String field) {
		return readable(schoolData(caller), caller, field);
	}

	private static Scope readable(Scope scope, Caller caller, String field) {
		if (scope.none()) {
			throw caller.forbidden(field, "read " + field);
		}
		return scope;
	}

	/** The region path a limited scope covers (for a school, its region's), to filter events by; empty for ALL. */
	public Mono<String> path(Scope scope) {
		if (scope.all()) {
			return Mono.empty();
		}
		String sql = (scope.regionCode() != null) ? "select path from region where code = :key"
				: "select r.path from school s join region r on r.code = s.region_code where s.id = :key";
		return this.db.sql(sql)
			.bind("key", (scope.regionCode() != null) ? scope.regionCode() : scope.schoolId())
			.map((row) -> row.get("path", String.class))
			.one();
	}

	/**
	 * The item when the scope holds the region that {@code regionOfKey} (an SQL expression over
	 * the bind marker {@code :key}) gives, else empty: lookups by ID answer null outside the scope,
	 * as if there were nothing.
	 */
	public <T> Mono<T> keepRegion(Scope scope, T item, String regionOfKey, Object key) {
		return keep(scope, item, scope.onRegion(new SqlWhere(), regionOfKey), key);
	}

	/**
	 * Like {@link #keepRegion} for school data: {@code schoolsOfKey} give the IDs of the schools the
	 * item belongs to (both ends of an exchange or a pairing), and one of them in scope keeps it.
	 */
	public <T> Mono<T> keepSchool(Scope scope, T item, Object key, String... schoolsOfKey) {
		return keep(scope, item, scope.onSchool(new SqlWhere(), schoolsOfKey), key);
	}

	private <T> Mono<T> keep(Scope scope, T item, SqlWhere where, Object key) {
		if (scope.all()) {
			return Mono.just(item);
		}
		if (scope.none()) {
			return Mono.empty();
		}
		return where.bind(this.db.sql("select " + where.sql() + " as inside"))
			.bind("key", key)
			.map((row) -> Boolean.TRUE.equals(row.get("inside", Boolean.class)))
			.one()
			.filter(Boolean::booleanValue)
			.map((inside) -> item);
	}

	/**
	 * Allows a write to the region (and what belongs to it) for a caller with one of the roles
	 * whose region contains it; NOT_FOUND for an unknown region, FORBIDDEN otherwise. A null region
	 * (a new province, the national threshold set) is for national callers only.
	 */
	public Mono<Void> requireRegion(Caller caller, String regionCode, String field, String what, Role... roles) {
		if (!caller.regional(roles) || (regionCode == null && !caller.national())) {
			return Mono.error(() -> caller.forbidden(field, what));
		}
		if (regionCode == null) {
			return Mono.empty();
		}
		return this.db.sql("select exists (select 1 from region where code = :code) as found, "
				+ Scope.within(":code", "scope") + " as inside")
			.bind("code", regionCode)
			.bind("scope", caller.national() ? regionCode : caller.regionCode())
			.map((row) -> verdict(row.get("found", Boolean.class), row.get("inside", Boolean.class)))
			.one()
			.flatMap((verdict) -> check(verdict, caller, field, what, "no region has the code " + regionCode));
	}

	/**
	 * Allows a write to the school for a regional caller with one of the roles whose region
	 * contains it or, when {@code schoolAdmin}, for that school's own administrator.
	 */
	public Mono<Void> requireSchool(Caller caller, long schoolId, boolean schoolAdmin, String field, String what,
			Role... roles) {
		boolean own = schoolAdmin && caller.schoolAdmin() && caller.schoolId() == schoolId;
		boolean regional = caller.regional(roles);
		if (!own && !regional) {
			return Mono.error(() -> caller.forbidden(field, what));
		}
		return this.db.sql("select s.id is not null as found, coalesce(" + Scope.within("s.region_code", "scope")
				+ ", false) as inside from (select 1) one left join school s on s.id = :id")
			.bind("id", schoolId)
			.bind("scope", regional ? caller.regionCode() : "")
			.map((row) -> verdict(row.get("found", Boolean.class),
					own || (regional && caller.national()) || Boolean.TRUE.equals(row.get("inside", Boolean.class))))
			.one()
			.flatMap((verdict) -> check(verdict, caller, field, what, "no school has the ID given"));
	}

	private static Verdict verdict(Boolean found, Boolean inside) {
		if (!Boolean.TRUE.equals(found)) {
			return Verdict.NOT_FOUND;
		}
		return Boolean.TRUE.equals(inside) ? Verdict.ALLOWED : Verdict.OUTSIDE;
	}

	private static Mono<Void> check(Verdict verdict, Caller caller, String field, String what, String notFound) {
		return switch (verdict) {
			case ALLOWED -> Mono.empty();
			case NOT_FOUND -> NotFoundException.error(field, notFound);
			case OUTSIDE -> Mono.error(() -> caller.forbidden(field, what + " outside your region or school"));
		};
	}

	private enum Verdict {

		ALLOWED, NOT_FOUND, OUTSIDE

	}

}
