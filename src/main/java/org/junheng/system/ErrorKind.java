package org.junheng.system;

import graphql.ErrorClassification;

/** Classifications beyond Spring's {@code ErrorType}: a stale write, a subscriber that fell behind. */
enum ErrorKind implements ErrorClassification {

	CONFLICT,

	/** A subscriber read too slowly and was dropped; it resumes from a cursor. */
	FELL_BEHIND

}
