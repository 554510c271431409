package org.junheng.system;

import graphql.ErrorClassification;

/** Classifications beyond Spring's {@code ErrorType}: a stale write, a subscriber that fell behind, a database out of reach. */
enum ErrorKind implements ErrorClassification {

	CONFLICT,

	/** A subscriber read too slowly and was dropped; it resumes from a cursor. */
	FELL_BEHIND,

	/** The database could not be reached (a restart, a failover, an exhausted pool); retry with backoff. */
	UNAVAILABLE

}
