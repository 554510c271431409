package org.junheng.security;

import reactor.core.publisher.Mono;

import org.junheng.system.NotFoundException;
import org.junheng.system.SqlWhere;
import org.junheng.system.Text;
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
			throw caller.forbidden(field, "action.read", field);
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
	 * whose region contains it; {@code what} is a message key naming the write ({@code action.createSchools}).
	 * A null region (a new province, the national threshold set) is for
	 * national callers only. A caller without the role is FORBIDDEN; an unknown region and one
	 * outside the caller's answer the same NOT_FOUND, so that writes tell nothing of what exists.
	 */
	public Mono<Void> requireRegion(Caller caller, String regionCode, String field, String what, Role... roles) {
		if (!caller.regional(roles) || (regionCode == null && !caller.national())) {
			return Mono.error(() -> caller.forbidden(field, what));
		}
		if (regionCode == null) {
			return Mono.empty();
		}
		return regionIn(caller.national() ? regionCode : caller.regionCode(), regionCode, field, what);
	}

	/**
	 * Allows a write to the school for a regional caller with one of the roles whose region
	 * contains it or, when {@code schoolAdmin}, for that school's own administrator; answered like
	 * {@link #requireRegion}.
	 */
	public Mono<Void> requireSchool(Caller caller, long schoolId, boolean schoolAdmin, String field, String what,
			Role... roles) {
		Scope scope = writableSchools(caller, schoolAdmin, roles);
		if (scope.none()) {
			return Mono.error(() -> caller.forbidden(field, what));
		}
		if (scope.all()) {
			return schoolExists(schoolId, field, what);
		}
		if (scope.schoolId() != null) {
			// Another school than a school administrator's own is as far out of its reach as one that does not exist.
			return (scope.schoolId() == schoolId) ? schoolExists(schoolId, field, what) : unreachable(field, what);
		}
		return schoolIn(scope.regionCode(), schoolId, field, what);
	}

	/**
	 * The schools a caller may write (as {@link #requireSchool} allows one), as a scope for many
	 * at once, as an import writes them: a regional caller with one of the roles, its region's; a
	 * school administrator, when {@code schoolAdmin}, its own school; anyone else none.
	 */
	public Scope writableSchools(Caller caller, boolean schoolAdmin, Role... roles) {
		if (caller.regional(roles)) {
			return regionScope(caller);
		}
		return (schoolAdmin && caller.schoolAdmin()) ? Scope.school(caller.schoolId()) : Scope.NONE;
	}

	/**
	 * Allows naming a school that a write reaches beyond the caller's own (the school a teacher
	 * is sent to): a school of the caller's region or, for a school administrator, of its school's
	 * region; answered like {@link #requireRegion}.
	 */
	public Mono<Void> requireReachable(Caller caller, long schoolId, String field, String what) {
		if (caller.national()) {
			return schoolExists(schoolId, field, what);
		}
		if (caller.regionCode() != null) {
			return schoolIn(caller.regionCode(), schoolId, field, what);
		}
		return caller.schoolAdmin() ? allowedIf(this.db.sql("select exists (select 1 from school s, school own where s.id = :id"
				+ " and own.id = :own and s.region_code = own.region_code) as inside").bind("id", schoolId)
			.bind("own", caller.schoolId()), field, what) : Mono.error(() -> caller.forbidden(field, what));
	}

	private Mono<Void> schoolExists(long schoolId, String field, String what) {
		return allowedIf(this.db.sql("select exists (select 1 from school where id = :id) as inside").bind("id", schoolId),
				field, what);
	}

	/** Allows naming a school of the region (a plan's target, say); answered like {@link #requireRegion}. */
	public Mono<Void> schoolIn(String regionCode, long schoolId, String field, String what) {
		return schoolWithin(regionCode, schoolId).flatMap((inside) -> inside ? Mono.<Void>empty() : unreachable(field, what));
	}

	/** Whether the school exists and lies in the region or one of its descendants. */
	Mono<Boolean> schoolWithin(String regionCode, long schoolId) {
		return this.db.sql("select exists (select 1 from school s where s.id = :id and " + Scope.within("s.region_code", "scope")
				+ ") as inside")
			.bind("id", schoolId)
			.bind("scope", regionCode)
			.map((row) -> Boolean.TRUE.equals(row.get("inside", Boolean.class)))
			.one();
	}

	/** Allows naming a region within another (a plan's target region in the plan's); answered like {@link #requireRegion}. */
	public Mono<Void> regionIn(String outer, String regionCode, String field, String what) {
		return allowedIf(this.db.sql("select " + Scope.within(":code", "scope") + " as inside").bind("code", regionCode)
			.bind("scope", outer), field, what);
	}

	/**
	 * The one answer to a write naming something that does not exist or that the caller may not
	 * reach: controllers use it for IDs that find nothing, so both cases read alike.
	 */
	public static <T> Mono<T> unreachable(String field, String what) {
		return Mono.error(() -> new NotFoundException(field, Text.of("access.unreachable", field, Text.of(what))));
	}

	private static Mono<Void> allowedIf(org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec check, String field,
			String what) {
		return check.map((row) -> Boolean.TRUE.equals(row.get("inside", Boolean.class)))
			.one()
			.flatMap((inside) -> inside ? Mono.<Void>empty() : unreachable(field, what));
	}

}
