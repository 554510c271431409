package org.junheng.system;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.R2dbcException;

/** A failure and what caused it, outermost first, for the classifications that look through wrapping. */
final class Causes {

	private Causes() {
	}

	static List<Throwable> of(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && causes.size() < 32; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	/** The SQL state of the first error PostgreSQL sent among them, or null when none did. */
	static String sqlState(Throwable failure) {
		for (Throwable cause : of(failure)) {
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null && !r2dbc.getSqlState().isEmpty()) {
				return r2dbc.getSqlState();
			}
		}
		return null;
	}

}
