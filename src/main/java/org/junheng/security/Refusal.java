package org.junheng.security;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

/** Why a request was refused before or while it ran, as the error's {@code classification}. */
enum Refusal implements ErrorClassification {

	/** Too deep, too costly, too many aliases or too long a document: see {@code extensions.limit}. */
	QUERY_TOO_COMPLEX,

	/** It ran longer than {@code junheng.graphql.timeout} and was stopped. */
	TIMEOUT,

	/** As many costly operations as the server runs at once are running: retry in a moment. */
	BUSY;

	GraphQLError error(String message, Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError().errorType(this).message(message).extensions(extensions).build();
	}

}
