package org.junheng.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One token per demo role, for a local run whose key was made up at start (see
 * {@link LocalSecret}): printed to the log and served at {@code /auth/demo-tokens}, which the
 * GraphiQL page's login menu reads. The users match the demo data: 巴中市 (511900), 通江县
 * (511921) and its 实验小学 (school 7, the school of seed 003).
 */
@Configuration(proxyBeanMethods = false)
class DemoTokens {

	private static final Log logger = LogFactory.getLog(DemoTokens.class);

	static final Duration LIFETIME = Duration.ofHours(12);

	record DemoUser(String subject, String description, Role role, String region, String school) {
	}

	record IssuedToken(String subject, String description, String role, String token) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("demo-admin", "巴中市教育局管理员 (ADMIN, 511900)", Role.ADMIN, "511900", null),
			new DemoUser("demo-planner", "通江县规划员 (PLANNER, 511921)", Role.PLANNER, "511921", null),
			new DemoUser("demo-school-admin", "通江县实验小学管理员 (SCHOOL_ADMIN, school 7)", Role.SCHOOL_ADMIN, "511921", "7"),
			new DemoUser("demo-viewer", "通江县只读用户 (VIEWER, 511921)", Role.VIEWER, "511921", null));

	private final ObjectProvider<LocalSecret> secret;

	DemoTokens(ObjectProvider<LocalSecret> secret) {
		this.secret = secret;
	}

	@EventListener(ApplicationReadyEvent.class)
	void print() {
		if (!generated()) {
			return;
		}
		StringBuilder text = new StringBuilder("No junheng.security.jwt-secret is set, so this run made up its own key."
				+ " Demo tokens, valid for " + LIFETIME.toHours() + " h (GraphiQL at /graphiql has a login menu):");
		for (IssuedToken token : issue()) {
			text.append("\n  ").append(token.description()).append(":\n    Authorization: Bearer ").append(token.token());
		}
		logger.info(text);
	}

	@Bean
	RouterFunction<ServerResponse> demoTokenRoute() {
		// Only to a browser on this very machine: the tokens are a local demo's, never a network's.
		return RouterFunctions.route(RequestPredicates.GET("/auth/demo-tokens"), (request) -> generated() && fromLoopback(request)
				? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(issue())
				: ServerResponse.notFound().build());
	}

	private static boolean fromLoopback(ServerRequest request) {
		return request.remoteAddress().map((address) -> address.getAddress() != null && address.getAddress().isLoopbackAddress())
			.orElse(false);
	}

	private boolean generated() {
		LocalSecret local = this.secret.getIfAvailable();
		return local != null && local.generated();
	}

	private List<IssuedToken> issue() {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(this.secret.getObject().key()));
		Instant now = Instant.now();
		return USERS.stream().map((user) -> {
			JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
				.subject(user.subject())
				.issuedAt(now)
				.expiresAt(now.plus(LIFETIME))
				.claim("roles", List.of(user.role().name()))
				.claim("region", user.region());
			if (user.school() != null) {
				claims.claim("school", user.school());
			}
			String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
				.getTokenValue();
			return new IssuedToken(user.subject(), user.description(), user.role().name(), token);
		}).toList();
	}

}
