package org.junheng.system;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Errors that end a subscription stream, with the same classifications as query errors. A
 * subscriber that fell behind gets FELL_BEHIND and the cursor to resume from.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	private static final Log logger = LogFactory.getLog(SubscriptionErrors.class);

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex) {
		if (ex instanceof FellBehindException behind) {
			return List.of(GraphqlErrorBuilder.newError().errorType(ErrorKind.FELL_BEHIND).message(behind.getMessage())
				.extensions(Map.of("cursor", behind.cursor())).build());
		}
		if (ex instanceof InvalidInputException invalid) {
			return invalid.problems().stream()
				.map((problem) -> error(ErrorType.BAD_REQUEST, problem.field(), problem.field() + " " + problem.message()))
				.toList();
		}
		if (ex instanceof NotFoundException notFound) {
			return List.of(error(ErrorType.NOT_FOUND, notFound.field(), notFound.getMessage()));
		}
		if (ex instanceof ForbiddenException forbidden) {
			return List.of(error(forbidden.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN, forbidden.field(),
					forbidden.getMessage()));
		}
		if (DatabaseUnavailable.is(ex)) {
			logger.warn(DatabaseUnavailable.logLine("a subscription", ex));
			return List.of(DatabaseUnavailable.error(GraphqlErrorBuilder.newError()).build());
		}
		logger.error("Subscription failed", ex);
		return List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error; it has been logged").build());
	}

	private static GraphQLError error(ErrorType kind, String field, String message) {
		return GraphqlErrorBuilder.newError().errorType(kind).message(message).extensions(Map.of("field", field)).build();
	}

}
