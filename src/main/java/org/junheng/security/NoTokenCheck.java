package org.junheng.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that would have no way to check tokens (an external database, neither a secret nor an
 * issuer) is refused; the operator reads one sentence and what to set, not a chain of bean errors.
 */
class NoTokenCheck extends IllegalStateException {

	NoTokenCheck() {
		super("No way to check tokens: neither junheng.security.jwt-secret nor an issuer is set");
	}

	static final class Analyzer extends AbstractFailureAnalyzer<NoTokenCheck> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, NoTokenCheck cause) {
			return new FailureAnalysis("Junheng did not start: on an external database it needs a way to check tokens, and"
					+ " neither a secret nor an issuer is configured.",
					"Set JUNHENG_SECURITY_JWT_SECRET (HS256, at least 32 bytes) or"
							+ " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (your identity provider).",
					cause);
		}

	}

}
