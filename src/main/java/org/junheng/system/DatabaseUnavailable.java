package org.junheng.system;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A lost or unreachable database, which production expects now and then (a restart, a failover,
 * a full pool): classified UNAVAILABLE with {@code retryable: true}, logged as one WARN line, and
 * answered 503 when it is all a request got. Not an INTERNAL_ERROR: nothing is wrong with the
 * request or the code, and the same request succeeds once the database answers again.
 */
final class DatabaseUnavailable {

	/** Driver messages of a connection that went away under a statement. */
	private static final List<String> LOST = List.of("connection closed", "unexpectedly closed", "connection refused",
			"cannot exchange messages", "failed to obtain r2dbc connection", "could not open r2dbc connection",
			"terminating connection due to administrator command", "the database system is shutting down",
			"the database system is starting up", "connection acquisition timed out", "validation timed out",
			"connection pool is closed");

	/** Pool failures by class name, so neither r2dbc-pool nor reactor-pool is needed at compile time. */
	private static final List<String> POOL = List.of("io.r2dbc.pool.ConnectionPoolException", "reactor.pool.PoolAcquireTimeoutException",
			"reactor.pool.PoolShutdownException");

	private DatabaseUnavailable() {
	}

	/**
	 * Whether the failure, or anything that caused it, means the database could not be reached.
	 * An error PostgreSQL sent decides by its SQL state: the driver files every state it has no
	 * class for (a PL/pgSQL {@code raise}, an internal error) as a non-transient resource
	 * failure, which Spring translates as a resource failure, yet those are not outages.
	 */
	static boolean is(Throwable failure) {
		String sqlState = Causes.sqlState(failure);
		if (sqlState != null) {
			return outage(sqlState);
		}
		for (Throwable cause : Causes.of(failure)) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof R2dbcNonTransientResourceException || cause instanceof R2dbcTransientResourceException
					|| cause instanceof ConnectException || cause instanceof ClosedChannelException
					|| POOL.contains(cause.getClass().getName())
					|| (cause instanceof TimeoutException && String.valueOf(cause.getMessage()).contains("acquire"))) {
				return true;
			}
			String message = String.valueOf(cause.getMessage()).toLowerCase();
			if (LOST.stream().anyMatch(message::contains)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL states of a server going away or out of room: connection exceptions (08), insufficient
	 * resources (53, too many connections among them), shut down or starting up (57P01 to 57P05),
	 * system errors (58, an I/O error).
	 */
	private static boolean outage(String sqlState) {
		return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P") || sqlState.startsWith("58");
	}

	/** The one line logged instead of a stack trace: where, and the innermost cause. */
	static String logLine(Object where, Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "Database unavailable at " + where + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	static GraphqlErrorBuilder<?> error(GraphqlErrorBuilder<?> builder, Locale locale) {
		return builder.errorType(ErrorKind.UNAVAILABLE).message(Text.of("error.unavailable").in(locale))
			.extensions(Map.of("retryable", true));
	}

	/**
	 * Whether UNAVAILABLE is the request's only outcome: every error is UNAVAILABLE and no top-level
	 * field has a value, so a client learns nothing from the body that the status does not say.
	 */
	static boolean onlyOutcome(ExecutionResult result) {
		List<GraphQLError> errors = result.getErrors();
		if (errors.isEmpty() || !errors.stream().allMatch((error) -> error.getErrorType() == ErrorKind.UNAVAILABLE)) {
			return false;
		}
		Object data = result.getData();
		return data == null || (data instanceof Map<?, ?> fields && fields.values().stream().allMatch((value) -> value == null));
	}

}
