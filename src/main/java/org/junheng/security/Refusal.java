package org.junheng.security;

import java.util.Locale;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.Metrics;

import org.junheng.system.ErrorResponse;
import org.junheng.system.Text;

/** Why a request was refused before or while it ran, as the error's {@code classification}. */
enum Refusal implements ErrorClassification {

	/** Too deep, too costly, too many aliases or too long a document: see {@code extensions.limit}. */
	QUERY_TOO_COMPLEX,

	/** It ran longer than {@code junheng.graphql.timeout} and was stopped. */
	TIMEOUT,

	/** As many costly operations as the server runs at once are running: retry in a moment. */
	BUSY;

	/** The refusal as a GraphQL error; every refusal is made here, so it is counted here, by reason. */
	GraphQLError error(Text message, Locale locale, Map<String, Object> extensions) {
		Metrics.counter(ErrorResponse.REFUSED, "reason", name()).increment();
		return GraphqlErrorBuilder.newError().errorType(this).message(message.in(locale)).extensions(extensions).build();
	}

}
