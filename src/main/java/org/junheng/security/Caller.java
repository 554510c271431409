package org.junheng.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.junheng.system.ForbiddenException;
import org.junheng.system.GlobalId;
import org.junheng.system.Text;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the token's subject, roles, the region its authority covers (descendants
 * included) and, for a school administrator, its school. Put in every request's GraphQL context
 * under {@link #KEY}, so data fetchers and batch loaders read it without a reactive lookup.
 */
public record Caller(String subject, Set<Role> roles, String regionCode, Long schoolId) {

	public static final String KEY = "caller";

	/** The {@code region} claim of a national authority (教育部): every region, and provinces may be created. */
	public static final String NATIONAL = "*";

	public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null);

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public static Caller of(GraphQLContext context) {
		Caller caller = (context != null) ? context.get(KEY) : null;
		return (caller != null) ? caller : ANONYMOUS;
	}

	public static Caller of(DataFetchingEnvironment env) {
		return of(env.getGraphQlContext());
	}

	/**
	 * The caller a verified token speaks for. Roles are matched exactly (upper case, as in
	 * {@link Role}); unknown ones are ignored rather than refused, so an issuer shared with other
	 * systems may carry their roles too. A malformed {@code region} or {@code school} claim is refused
	 * ({@link IllegalArgumentException}), never read as no claim.
	 */
	static Caller from(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Object claim = jwt.getClaims().get("roles");
		if (claim instanceof Collection<?> names) {
			for (Object name : names) {
				for (Role role : Role.values()) {
					if (role.name().equals(name)) {
						roles.add(role);
					}
				}
			}
		}
		String region = jwt.getClaimAsString("region");
		if (region != null && !region.matches("[1-9][0-9]{5}") && !region.equals(NATIONAL)) {
			throw new IllegalArgumentException("The token's region claim is not a 6-digit region code or \"*\"");
		}
		String school = jwt.getClaimAsString("school");
		Long schoolId = schoolKey(school);
		if (school != null && schoolId == null) {
			throw new IllegalArgumentException("The token's school claim is not a school ID");
		}
		return new Caller(jwt.getSubject(), roles, region, schoolId);
	}

	private static Long schoolKey(String school) {
		if (school == null) {
			return null;
		}
		if (school.matches("[0-9]{1,18}")) {
			return Long.valueOf(school);
		}
		GlobalId id = GlobalId.parse(school);
		return (id != null && id.type().equals("School") && id.key().matches("[0-9]{1,18}")) ? Long.valueOf(id.key()) : null;
	}

	/**
	 * What the rules for reading look at: whether the caller signed in, its roles, its region and
	 * its school. Two callers with the same authority are shown the same. The subject only names
	 * who acts (the audit, the batches one imported, read through {@code Query.imports}, which no
	 * subscription's event reaches).
	 */
	public record Authority(boolean signedIn, Set<Role> roles, String regionCode, Long schoolId) {
	}

	public Authority authority() {
		return new Authority(!anonymous(), this.roles, this.regionCode, this.schoolId);
	}

	public boolean anonymous() {
		return this.subject == null;
	}

	public boolean national() {
		return NATIONAL.equals(this.regionCode);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Whether the caller holds one of these roles with the region it needs. */
	public boolean regional(Role... roles) {
		if (this.regionCode == null) {
			return false;
		}
		for (Role role : roles) {
			if (has(role)) {
				return true;
			}
		}
		return false;
	}

	/** The caller of the HTTP request being served: its bearer token's, or anonymous without one. */
	public static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> from(((JwtAuthenticationToken) authentication).getToken()))
			.defaultIfEmpty(ANONYMOUS);
	}

	/** A school administrator with a school named in its token. */
	public boolean schoolAdmin() {
		return has(Role.SCHOOL_ADMIN) && this.schoolId != null;
	}

	/**
	 * Refuses what the caller asked to do: {@code action} is a message key naming it ("create
	 * schools"), said as "sign in to …" to an anonymous caller and "your role may not …" otherwise.
	 */
	public ForbiddenException forbidden(String field, String action, Object... args) {
		return new ForbiddenException(field, Text.of(anonymous() ? "access.signIn" : "access.role", Text.of(action, args)),
				anonymous());
	}

}
