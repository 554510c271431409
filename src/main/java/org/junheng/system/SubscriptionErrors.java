package org.junheng.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.stereotype.Component;

/**
 * Errors that end a subscription stream, with the same classifications as query errors. A
 * subscriber that fell behind gets FELL_BEHIND and the cursor to resume from. A subscription's
 * errors have no data-fetching environment to take the language from: Spring copies the
 * GraphQL context, where {@link Languages#KEY} holds it, into the stream's Reactor context.
 */
@Component
class SubscriptionErrors implements SubscriptionExceptionResolver {

	private static final Log logger = LogFactory.getLog(SubscriptionErrors.class);

	@Override
	public Mono<List<GraphQLError>> resolveException(Throwable ex) {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(errors(ex, context.getOrDefault(Languages.KEY, Languages.CHINESE))));
	}

	private static List<GraphQLError> errors(Throwable ex, Locale locale) {
		if (ex instanceof FellBehindException behind) {
			return List.of(GraphqlErrorBuilder.newError().errorType(ErrorKind.FELL_BEHIND).message(FellBehindException.TEXT.in(locale))
				.extensions(Map.of("cursor", behind.cursor())).build());
		}
		if (ex instanceof InvalidInputException invalid) {
			return invalid.problems().stream()
				.map((problem) -> error(ErrorType.BAD_REQUEST, problem.field(), problem.text().in(locale)))
				.toList();
		}
		if (ex instanceof NotFoundException notFound) {
			return List.of(error(ErrorType.NOT_FOUND, notFound.field(), notFound.text().in(locale)));
		}
		if (ex instanceof ForbiddenException forbidden) {
			return List.of(error(forbidden.anonymous() ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN, forbidden.field(),
					forbidden.text().in(locale)));
		}
		if (DatabaseUnavailable.is(ex)) {
			logger.warn(DatabaseUnavailable.logLine("a subscription", ex));
			return List.of(DatabaseUnavailable.error(GraphqlErrorBuilder.newError(), locale).build());
		}
		logger.error("Subscription failed", ex);
		return List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
			.message(Text.of("error.internal").in(locale)).build());
	}

	private static GraphQLError error(ErrorType kind, String field, String message) {
		return GraphqlErrorBuilder.newError().errorType(kind).message(message).extensions(Map.of("field", field)).build();
	}

}
