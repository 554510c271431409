package org.junheng.sqlread;

import java.util.Map;

import org.junheng.security.Caller;
import org.junheng.system.SqlWhere;

/**
 * A query field PostgreSQL can answer as JSON: one row of {@code type} that {@code where} finds.
 * The condition is the one the field's resolver uses, so the caller's scope and the arguments'
 * checks are applied by the same code on both paths. When it throws (an argument that is not
 * valid, a caller who may read nothing) the field is run by its resolver, which answers the error.
 */
public record JsonRoot(String field, String type, Lookup where) {

	@FunctionalInterface
	public interface Lookup {

		/** The condition on the row aliased {@code alias} for these arguments and this caller. */
		SqlWhere of(Map<String, Object> arguments, Caller caller, String alias);

	}

}
