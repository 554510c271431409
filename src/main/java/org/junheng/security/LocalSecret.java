package org.junheng.security;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The HS256 key of local runs: {@code junheng.security.jwt-secret} when set. Otherwise, and only on
 * the embedded database, a fresh random key, so that a newcomer's {@code spring-boot:run} works
 * with the demo tokens it prints; anywhere else a missing secret stops the start.
 */
@Component
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()"
		+ " and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.isEmpty()")
class LocalSecret {

	private final SecretKey key;

	private final boolean generated;

	LocalSecret(@Value("${junheng.security.jwt-secret:}") String secret, Environment environment) {
		if (!secret.isBlank()) {
			this.key = SecurityConfiguration.hmacKey(secret);
			this.generated = false;
			return;
		}
		if (!environment.getProperty("spring.r2dbc.url", "").isBlank()) {
			throw new IllegalStateException("No way to check tokens: set junheng.security.jwt-secret"
					+ " (JUNHENG_SECURITY_JWT_SECRET) or spring.security.oauth2.resourceserver.jwt.issuer-uri");
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.key = SecurityConfiguration.hmacKey(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
		this.generated = true;
	}

	SecretKey key() {
		return this.key;
	}

	/** Whether this process made the key up, which makes it a local demo and lets it hand out demo tokens. */
	boolean generated() {
		return this.generated;
	}

}
