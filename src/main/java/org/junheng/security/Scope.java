package org.junheng.security;

import org.junheng.system.SqlWhere;

/**
 * The rows a caller may see, as SQL: everything, nothing, a region with its descendants, or one
 * school (a school administrator's; for region-level data, the region of that school and below).
 * Conditions use named bind markers only.
 */
public record Scope(boolean all, String regionCode, Long schoolId) {

	public static final Scope ALL = new Scope(true, null, null);

	public static final Scope NONE = new Scope(false, null, null);

	static Scope region(String code) {
		return new Scope(false, code, null);
	}

	static Scope school(long id) {
		return new Scope(false, null, id);
	}

	public boolean none() {
		return !this.all && this.regionCode == null && this.schoolId == null;
	}

	/**
	 * The SQL condition "{@code column} is the region bound to {@code :param} or one of its
	 * descendants"; an unknown region matches nothing.
	 */
	public static String within(String column, String param) {
		return column + " in (select d.code from region d, region r where r.code = :" + param
				+ " and (d.path = r.path or d.path like r.path || '/%'))";
	}

	/** Limits a region-code column: region-level data such as plans. */
	public SqlWhere onRegion(SqlWhere where, String column) {
		if (this.all) {
			return where;
		}
		if (this.regionCode != null) {
			return where.and(within(column, "scope_region"), "scope_region", this.regionCode);
		}
		if (this.schoolId != null) {
			return where.and(column + " in (select d.code from region d, region r, school s where s.id = :scope_school"
					+ " and r.code = s.region_code and (d.path = r.path or d.path like r.path || '/%'))", "scope_school",
					this.schoolId);
		}
		return where.and("false");
	}

	/**
	 * Limits school-ID columns: schools, their conditions and teachers, exchanges and pairings. With
	 * several columns a row is kept when any of them is in scope (an exchange is seen by the
	 * schools at both ends).
	 */
	public SqlWhere onSchool(SqlWhere where, String... columns) {
		if (this.all) {
			return where;
		}
		java.util.List<String> conditions = new java.util.ArrayList<>();
		for (String column : columns) {
			if (this.regionCode != null) {
				conditions.add(column + " in (select s.id from school s where " + within("s.region_code", "scope_region") + ")");
			}
			else if (this.schoolId != null) {
				conditions.add(column + " = :scope_school");
			}
		}
		if (conditions.isEmpty()) {
			return where.and("false");
		}
		String condition = "(" + String.join(" or ", conditions) + ")";
		return (this.regionCode != null) ? where.and(condition, "scope_region", this.regionCode)
				: where.and(condition, "scope_school", this.schoolId);
	}

}
