package org.junheng.security;

import java.util.Arrays;
import java.util.List;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.system.Connection;
import org.junheng.system.Keyset;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.auditTrail}: an ADMIN reads who changed what within its region, newest first. */
@Controller
class AuditController {

	private final Keyset keyset;

	AuditController(Keyset keyset) {
		this.keyset = keyset;
	}

	record AuditFilter(String regionCode, String actor, String entity, String operation) {
	}

	@QueryMapping
	Mono<Connection<AuditEntry>> auditTrail(@Argument Integer first, @Argument String after, @Argument AuditFilter filter,
			GraphQLContext context, DataFetchingFieldSelectionSet selection) {
		Caller who = Caller.of(context);
		if (!who.regional(Role.ADMIN)) {
			return Mono.error(who.forbidden("auditTrail", "action.readAudit"));
		}
		SqlWhere where = new SqlWhere();
		if (!who.national()) {
			where.and(Scope.within("a.region_code", "scope_region"), "scope_region", who.regionCode());
		}
		if (filter != null) {
			where.and(Scope.within("a.region_code", "region"), "region", filter.regionCode())
				.and("a.actor = :actor", "actor", filter.actor())
				.and("a.entity = :entity", "entity", filter.entity())
				.and("a.operation = :operation", "operation", filter.operation());
		}
		return this.keyset.page("(select e.*, e.before::text as before_text, e.after::text as after_text from audit_entry e) a", "a", where, new Keyset.Sort("audit", "a.id", true),
				PageRequest.of(first, after, null, null), selection, AuditEntry::from);
	}

	@SchemaMapping(typeName = "AuditEntry")
	List<String> roles(AuditEntry entry) {
		return entry.roles().isEmpty() ? List.of() : Arrays.asList(entry.roles().split(","));
	}

}
