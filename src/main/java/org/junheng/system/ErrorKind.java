package org.junheng.system;

import graphql.ErrorClassification;

/** Classifications beyond Spring's {@code ErrorType}: a stale write. */
enum ErrorKind implements ErrorClassification {

	CONFLICT

}
