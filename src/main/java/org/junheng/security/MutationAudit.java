package org.junheng.security;


import graphql.schema.DataFetcher;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs every mutation in an {@link AuditedTransactions audited transaction}. Anonymous callers are refused here, before any mutation code runs. This wraps the
 * controller's own data fetcher, before Spring adapts its Mono, so the whole write is inside.
 */
@Configuration(proxyBeanMethods = false)
class MutationAudit {

	@Bean
	GraphQlSourceBuilderCustomizer mutationsInAuditedTransactions(AuditedTransactions transactions) {
		return FieldWrapping.of((field) -> field.parent().getName().equals("Mutation")
				? audited(field.definition().getName(), field.fetcher(), transactions) : null);
	}

	@SuppressWarnings("unchecked")
	private static DataFetcher<Object> audited(String operation, DataFetcher<?> delegate, AuditedTransactions transactions) {
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
			return transactions.run(caller, operation, write);
		};
	}

}
