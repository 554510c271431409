package org.junheng.security;

import org.junheng.system.SqlWhere;

/**
 * The schema's rules on school data, by the directive that marks them: whose schools a caller
 * reads a marked field or type for. The data fetcher guards ({@link SchoolData},
 * {@link PersonalFields}) and queries PostgreSQL answers whole ({@code sqlread}) both ask here.
 */
public enum SchemaRule {

	/** {@code @schoolData}: schools, their conditions and teachers, exchanges and pairings. */
	SCHOOL_DATA("schoolData"),

	/** {@code @personal}: a teacher's name, gender, birth year, certificate and training. */
	PERSONAL("personal");

	private final String directive;

	SchemaRule(String directive) {
		this.directive = directive;
	}

	public String directive() {
		return this.directive;
	}

	/** The rule a directive of the schema stands for, or null for a directive that is no such rule. */
	public static SchemaRule of(String directive) {
		for (SchemaRule rule : values()) {
			if (rule.directive.equals(directive)) {
				return rule;
			}
		}
		return null;
	}

	public Scope scope(Access access, Caller caller) {
		return (this == PERSONAL) ? access.personalData(caller) : access.schoolData(caller);
	}

	/** The condition that the row's school (the ID in {@code schoolColumn}) lies in the caller's scope. */
	public SqlWhere holds(Access access, Caller caller, String schoolColumn) {
		return scope(access, caller).onSchool(new SqlWhere(), schoolColumn);
	}

}
