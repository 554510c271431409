package org.junheng.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors with a classification and the offending field in
 * {@code extensions}. Anything unexpected becomes a bare INTERNAL_ERROR: no message, stack trace
 * or SQL text ever reaches a client; it is logged here instead. A database out of reach is
 * expected, not unexpected: UNAVAILABLE, logged as one WARN line (see {@link DatabaseUnavailable});
 * so is a write that collided with another (see {@link Collision}).
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Log logger = LogFactory.getLog(GraphQlErrors.class);

	/** Database constraints that back up input checks, by name, with the field they guard. */
	private static final Map<String, String[]> CONSTRAINTS = Map.of(
			"school_code_key", new String[] { "input.code", "constraint.schoolCode" },
			"teacher_staff_number_key", new String[] { "input.staffNumber", "constraint.staffNumber" },
			"region_pkey", new String[] { "input.code", "constraint.regionCode" },
			"school_conditions_school_id_school_year_key", new String[] { "input.schoolYear", "constraint.conditionsYear" },
			"threshold_set_code_key", new String[] { "input.code", "constraint.thresholdSetCode" },
			"threshold_set_region_code_key", new String[] { "input.regionCode", "constraint.thresholdSetRegion" });

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
		Locale locale = env.getLocale();
		if (ex instanceof InvalidInputException invalid) {
			return invalid.problems().stream()
				.map((problem) -> error(env, ErrorType.BAD_REQUEST, problem.field(), problem.text().in(locale)))
				.toList();
		}
		if (ex instanceof NotFoundException notFound) {
			return List.of(error(env, ErrorType.NOT_FOUND, notFound.field(), notFound.text().in(locale)));
		}
		if (ex instanceof ForbiddenException forbidden) {
			return List.of(error(env, forbidden.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN, forbidden.field(),
					forbidden.text().in(locale)));
		}
		if (ex instanceof ConflictException conflict) {
			return List.of(error(env, ErrorKind.CONFLICT, conflict.field(), conflict.text().in(locale)));
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return List.of(error(env, ErrorKind.CONFLICT, "input.version",
					Text.of("error.field", "input.version", Text.of("conflict.stale")).in(locale)));
		}
		if (ex instanceof AbortExecutionException) {
			// The client went away or the request was cancelled; nothing failed on our side.
			return List.of(GraphqlErrorBuilder.newError(env).message(Text.of("error.cancelled").in(locale)).build());
		}
		if (ex instanceof DataIntegrityViolationException) {
			String message = String.valueOf(ex.getMessage());
			for (Map.Entry<String, String[]> constraint : CONSTRAINTS.entrySet()) {
				if (message.contains(constraint.getKey())) {
					String[] fieldAndMessage = constraint.getValue();
					return List.of(error(env, ErrorType.BAD_REQUEST, fieldAndMessage[0],
							Text.of("error.field", fieldAndMessage[0], Text.of(fieldAndMessage[1])).in(locale)));
				}
			}
			logger.warn("Constraint violation without a matching input check", ex);
			return List.of(error(env, ErrorType.BAD_REQUEST, "input", Text.of("error.field", "input", Text.of("constraint.other")).in(locale)));
		}
		if (Collision.is(ex)) {
			logger.info("Write collided with another at " + env.getExecutionStepInfo().getPath() + ": " + ex.getMessage());
			return List.of(GraphqlErrorBuilder.newError(env).errorType(ErrorKind.CONFLICT)
				.message(Text.of("error.collided").in(locale)).extensions(Map.of("retryable", true)).build());
		}
		if (DatabaseUnavailable.is(ex)) {
			logger.warn(DatabaseUnavailable.logLine(env.getExecutionStepInfo().getPath(), ex));
			return List.of(DatabaseUnavailable.error(GraphqlErrorBuilder.newError(env), locale).build());
		}
		logger.error("Unexpected failure at " + env.getExecutionStepInfo().getPath(), ex);
		return List.of(GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR)
			.message(Text.of("error.internal").in(locale)).build());
	}

	private static GraphQLError error(DataFetchingEnvironment env, graphql.ErrorClassification kind, String field,
			String message) {
		return GraphqlErrorBuilder.newError(env).errorType(kind).message(message)
			.extensions(Map.of("field", field)).build();
	}

}
