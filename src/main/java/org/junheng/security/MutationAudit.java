package org.junheng.security;

import java.util.stream.Collectors;

import graphql.schema.DataFetcher;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Runs every mutation in one transaction that first names its caller to the database, so the
 * audit trigger (V5) records who did it with the rows before and after, in the same commit as
 * the change. Anonymous callers are refused here, before any mutation code runs. This wraps the
 * controller's own data fetcher, before Spring adapts its Mono, so the whole write is inside.
 */
@Configuration(proxyBeanMethods = false)
class MutationAudit {

	@Bean
	GraphQlSourceBuilderCustomizer mutationsInAuditedTransactions(DatabaseClient db, TransactionalOperator transaction) {
		return FieldWrapping.of((field) -> field.parent().getName().equals("Mutation")
				? audited(field.definition().getName(), field.fetcher(), db, transaction) : null);
	}

	@SuppressWarnings("unchecked")
	private static DataFetcher<Object> audited(String operation, DataFetcher<?> delegate, DatabaseClient db,
			TransactionalOperator transaction) {
		return (env) -> {
			Caller caller = Caller.of(env);
			if (caller.anonymous()) {
				return Mono.error(caller.forbidden(operation, "action.changeAnything"));
			}
			Object result;
			try {
				result = delegate.get(env);
			}
			catch (Exception ex) {
				return Mono.error(ex);
			}
			Mono<Object> write = (result instanceof Mono<?> mono) ? (Mono<Object>) mono : Mono.justOrEmpty(result);
			Mono<Void> actor = db.sql("select set_config('junheng.actor', :actor, true), set_config('junheng.actor_roles', :roles, true),"
					+ " set_config('junheng.operation', :operation, true)")
				.bind("actor", caller.subject())
				.bind("roles", caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
				.bind("operation", operation)
				.then();
			return transaction.transactional(actor.then(write));
		};
	}

}
