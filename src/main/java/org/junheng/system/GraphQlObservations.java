package org.junheng.system;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationContext;

/**
 * Which GraphQL work is observed (timed, and traced when traces are on): every request, and the
 * top-level fields of each, which is where a slow operation shows. Not every nested field of
 * every object: for a page of a hundred schools with their teachers that is thousands of
 * observations a request, and measured under a flood it cost ordinary queries their second.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservations {

	@Bean
	ObservationPredicate topLevelDataFetchersOnly() {
		return (name, context) -> {
			if (!(context instanceof DataFetcherObservationContext fetch)) {
				return true;
			}
			var step = (fetch.getEnvironment() != null) ? fetch.getEnvironment().getExecutionStepInfo() : null;
			return step == null || step.getPath().getLevel() <= 1;
		};
	}

}
