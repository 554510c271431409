package org.junheng.system;

import java.util.Set;

import io.r2dbc.spi.R2dbcRollbackException;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A write PostgreSQL rolled back because it met another at the same moment: a deadlock (40P01), a
 * serialization failure (40001) or a lock not granted in time (55P03). Nothing of it was written,
 * and the same request sent again normally succeeds, so it is a CONFLICT with
 * {@code retryable: true}, not an INTERNAL_ERROR: nothing is wrong with the request or the code.
 */
final class Collision {

	private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03");

	private Collision() {
	}

	/** Whether the failure, or anything that caused it, is such a collision. */
	static boolean is(Throwable failure) {
		String sqlState = Causes.sqlState(failure);
		return (sqlState != null && SQL_STATES.contains(sqlState)) || Causes.of(failure).stream()
			.anyMatch((cause) -> cause instanceof PessimisticLockingFailureException || cause instanceof R2dbcRollbackException);
	}

}
