package org.junheng.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The one way a token becomes trusted, for HTTP, SSE and WebSocket alike: the signature and
 * times are checked by the decoder (the local HS256 one or the issuer's), then Junheng's own
 * rules: an expiry is required, the {@code region} and {@code school} claims must be well formed,
 * and a school administrator's school must lie in the region its token names. It wraps the decoder
 * bean rather than being one, so that Boot's issuer decoder still backs off only for ours.
 */
@Component
class VerifiedTokens {

	private final ReactiveJwtDecoder signatures;

	private final Access access;

	private final Clock clock;

	/**
	 * Tokens verified, each until it expires and at most {@code junheng.security.token-cache-ttl}:
	 * a client sends the same token with every request, and checking its signature (and, for a
	 * school administrator, its school) each time is a measurable part of a small request.
	 */
	private final Cache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder signatures, Access access, Clock clock,
			@Value("${junheng.security.token-cache-ttl:5m}") Duration ttl) {
		this.signatures = signatures;
		this.access = access;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> {
				Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
				return left.compareTo(ttl) < 0 ? left : ttl;
			}))
			.build();
	}

	Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && this.clock.instant().isBefore(known.getExpiresAt())) {
			return Mono.just(known);
		}
		return this.signatures.decode(token).flatMap(this::checked).doOnNext((jwt) -> this.verified.put(token, jwt));
	}

	private Mono<Jwt> checked(Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			return refused("The token has no expiry (exp); tokens without one are not accepted");
		}
		Caller caller;
		try {
			caller = Caller.from(jwt);
		}
		catch (IllegalArgumentException ex) {
			return refused(ex.getMessage());
		}
		if (caller.schoolId() == null || caller.regionCode() == null || caller.national()) {
			return Mono.just(jwt);
		}
		return this.access.schoolWithin(caller.regionCode(), caller.schoolId())
			.flatMap((inside) -> inside ? Mono.just(jwt) : refused("The token's school lies outside its region"));
	}

	private static Mono<Jwt> refused(String reason) {
		return Mono.error(() -> new BadJwtException(reason));
	}

}
