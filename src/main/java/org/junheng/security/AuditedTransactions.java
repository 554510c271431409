package org.junheng.security;

import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A write in one transaction that first names its caller and operation to the database, so the
 * audit trigger (V5) records who did it, with the rows before and after, in the same commit as
 * the change. Every mutation runs in one (see {@link MutationAudit}), and so does every import.
 */
@Component
public class AuditedTransactions {

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	AuditedTransactions(DatabaseClient db, TransactionalOperator transaction) {
		this.db = db;
		this.transaction = transaction;
	}

	public <T> Mono<T> run(Caller caller, String operation, Mono<T> write) {
		Mono<Void> actor = this.db.sql("select set_config('junheng.actor', :actor, true), set_config('junheng.actor_roles', :roles, true),"
				+ " set_config('junheng.operation', :operation, true)")
			.bind("actor", caller.subject())
			.bind("roles", caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.bind("operation", operation)
			.then();
		return this.transaction.transactional(actor.then(write));
	}

}
