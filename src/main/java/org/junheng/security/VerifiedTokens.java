package org.junheng.security;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
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

	private final DatabaseClient db;

	VerifiedTokens(ReactiveJwtDecoder signatures, DatabaseClient db) {
		this.signatures = signatures;
		this.db = db;
	}

	Mono<Jwt> decode(String token) {
		return this.signatures.decode(token).flatMap(this::checked);
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
		return this.db.sql("select exists (select 1 from school s where s.id = :school and "
				+ Scope.within("s.region_code", "region") + ") as inside")
			.bind("school", caller.schoolId())
			.bind("region", caller.regionCode())
			.map((row) -> Boolean.TRUE.equals(row.get("inside", Boolean.class)))
			.one()
			.flatMap((inside) -> inside ? Mono.just(jwt) : refused("The token's school lies outside its region"));
	}

	private static Mono<Jwt> refused(String reason) {
		return Mono.error(() -> new BadJwtException(reason));
	}

}
