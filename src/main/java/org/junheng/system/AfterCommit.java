package org.junheng.system;

import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Publishes an event once the current transaction has committed (at once when there is none).
 * Mutations run in a transaction (see the audit), and a listener that reads the database on
 * another connection, such as the milestone auto-achiever, must see the change it is told of.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static Mono<Void> publish(ApplicationEventPublisher events, Object event) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.flatMap((transaction) -> {
				if (!transaction.isSynchronizationActive() || !transaction.isActualTransactionActive()) {
					return Mono.<Void>fromRunnable(() -> events.publishEvent(event));
				}
				transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return Mono.fromRunnable(() -> events.publishEvent(event));
					}
				});
				return Mono.<Void>empty();
			})
			.onErrorResume(NoTransactionException.class, (none) -> Mono.fromRunnable(() -> events.publishEvent(event)));
	}

}
