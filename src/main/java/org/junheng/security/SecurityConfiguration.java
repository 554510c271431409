package org.junheng.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.junheng.system.ErrorResponse;
import org.junheng.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Bearer tokens only: no sessions, cookies, forms or CSRF. Every request may come in; a valid
 * token makes it a {@link Caller}, a missing one leaves it anonymous, and a bad one is answered
 * 401 with a GraphQL-shaped error. What each caller may see and change is decided per field
 * ({@link Access}), because one GraphQL request mixes public and protected data.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Spring Security's own observations (of its filter chains, authentications, authorizations)
	 * are not made: requests are timed as HTTP and GraphQL requests already, and these cost each
	 * request several more, held for a WebSocket's whole life.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, VerifiedTokens tokens,
			@Value("${junheng.cors.allowed-origins:}") List<String> allowedOrigins,
			@Value("${junheng.display.frame-ancestors:'self'}") String frameAncestors) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// Who may show Junheng's pages in a frame (a bureau portal embedding the wall display):
			// CSP frame-ancestors, which browsers obey over X-Frame-Options, so that one is off.
			.headers((headers) -> headers.frameOptions((frames) -> frames.disable())
				.contentSecurityPolicy((csp) -> csp.policyDirectives("frame-ancestors " + frameAncestors)))
			.cors((cors) -> cors.configurationSource(cors(allowedOrigins)))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtDecoder(tokens::decode))
				.authenticationEntryPoint(invalidToken()))
			.build();
	}

	/**
	 * Frontends on other origins (a dashboard on {@code http://localhost:3000}) may call the API:
	 * POST and GET, SSE and the WebSocket handshake alike, with the bearer token in a header (no
	 * cookies, so no credentials mode). With none configured, only the same origin may.
	 */
	private static CorsConfigurationSource cors(List<String> allowedOrigins) {
		CorsConfiguration configuration = new CorsConfiguration();
		allowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).forEach(configuration::addAllowedOrigin);
		configuration.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "Last-Event-ID"));
		configuration.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

	/**
	 * Local and test runs sign tokens with a shared secret (HS256). When an issuer URI or JWK set
	 * URI is configured, Boot's decoder for that issuer is used instead.
	 */
	@Bean
	@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()"
			+ " and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}'.isEmpty()")
	ReactiveJwtDecoder localJwtDecoder(LocalSecret secret) {
		return NimbusReactiveJwtDecoder.withSecretKey(secret.key()).macAlgorithm(MacAlgorithm.HS256).build();
	}

	static SecretKey hmacKey(String secret) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 32) {
			throw new IllegalStateException("junheng.security.jwt-secret must be at least 32 bytes for HS256");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	private static ServerAuthenticationEntryPoint invalidToken() {
		return (exchange, ex) -> Mono.defer(() -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			return ErrorResponse.write(exchange, HttpStatus.UNAUTHORIZED, Text.of("token.invalid"), "UNAUTHORIZED", Map.of());
		});
	}

}
