package org.junheng.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The HS256 key of local runs: {@code junheng.security.jwt-secret} when set. Otherwise, and only on
 * the embedded database, a random key made up once and kept beside the data, so that a newcomer's
 * {@code spring-boot:run} works with the demo tokens it prints, across restarts; anywhere else a
 * missing secret stops the start.
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
			throw new NoTokenCheck();
		}
		this.key = SecurityConfiguration.hmacKey(demoSecret(Path.of(environment.getProperty("junheng.embedded.data-dir",
				"./data/postgres")).toAbsolutePath().resolveSibling("demo-jwt.key")));
		this.generated = true;
	}

	/**
	 * The made-up key, kept beside the embedded database (readable by its owner only), so that the
	 * demo tokens of one run still work after a restart; deleting the data deletes it too.
	 */
	private static String demoSecret(Path file) {
		try {
			if (Files.exists(file)) {
				String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (kept.length() >= 43) {
					return kept;
				}
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(file.getParent());
			Files.writeString(file, secret, StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system (Windows): the file stays as the directory allows
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the demo key in " + file, ex);
		}
	}

	SecretKey key() {
		return this.key;
	}

	/** Whether this process made the key up, which makes it a local demo and lets it hand out demo tokens. */
	boolean generated() {
		return this.generated;
	}

}
