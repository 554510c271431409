package org.junheng;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens for tests, signed with the secret every test server is given. Tests act as a
 * national ADMIN unless they say otherwise, so feature tests can create provinces of their own.
 */
public final class Tokens {

	static final String SECRET = "junheng-tests-only-secret-0123456789-abcdef";

	private static final NimbusJwtEncoder encoder = new NimbusJwtEncoder(
			new ImmutableSecret<>(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));

	private Tokens() {
	}

	/** A national ADMIN: every region, personal data included. */
	public static String admin() {
		return token("test-admin", List.of("ADMIN"), "*", null);
	}

	public static String token(String subject, List<String> roles, String region, String school) {
		return token(subject, roles, region, school, Duration.ofHours(1));
	}

	public static String token(String subject, List<String> roles, String region, String school, Duration lifetime) {
		Instant now = Instant.now();
		Instant issued = lifetime.isNegative() ? now.plus(lifetime).minusSeconds(3600) : now;
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(issued).expiresAt(now.plus(lifetime))
			.claim("roles", roles);
		if (region != null) {
			claims.claim("region", region);
		}
		if (school != null) {
			claims.claim("school", school);
		}
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

	/** A token with exactly these claims, for tests of what a token must carry. */
	public static String signed(Map<String, Object> claims) {
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
		claims.forEach(builder::claim);
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), builder.build()))
			.getTokenValue();
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	/** Sends the token in {@code connection_init}, as the WebSocket transport expects it. */
	public static WebSocketGraphQlClientInterceptor connectionInit(String token) {
		return new WebSocketGraphQlClientInterceptor() {
			@Override
			public Mono<Object> connectionInitPayload() {
				return Mono.just(Map.of("Authorization", bearer(token)));
			}
		};
	}

}
