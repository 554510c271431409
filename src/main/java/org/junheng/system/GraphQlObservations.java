package org.junheng.system;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Which work is observed (timed, and traced when traces are on): every HTTP and GraphQL request,
 * its batch loads, and the top-level fields of each, which is where a slow operation shows.
 * <ul>
 * <li>Not every nested field of every object: for a page of a hundred schools with their teachers
 * that is thousands of observations a request, and measured under a flood it cost ordinary
 * queries their second.</li>
 * <li>Not a WebSocket as an HTTP request, nor a subscription's field: each would be one
 * observation lasting as long as the connection, held by every idle subscriber and skewing the
 * request timings. Subscriptions are counted by {@code junheng_subscriptions_open}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservations {

	@Bean
	ObservationPredicate noWebSocketsAsHttpRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request)
				|| !"websocket".equalsIgnoreCase(request.getCarrier().getHeaders().getUpgrade());
	}

	/**
	 * Boot's instrumentation, except that:
	 * <ul>
	 * <li>only top-level fields of queries and mutations are observed; any other field's fetcher
	 * is left as it is, without even a decision per call;</li>
	 * <li>it leaves a request's {@link OnDemandDataLoaders} in place: it would copy the registry
	 * (empty until a field asks) into one of its own and observe every loader there. The observing
	 * instrumentation is handed to the on-demand registry instead, so every loader it makes is
	 * observed the same way.</li>
	 * </ul>
	 */
	@Bean
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry observations,
			ObjectProvider<ExecutionRequestObservationConvention> requests, ObjectProvider<DataFetcherObservationConvention> fetches,
			ObjectProvider<DataLoaderObservationConvention> loads) {
		return new GraphQlObservationInstrumentation(observations, requests.getIfAvailable(), fetches.getIfAvailable(),
				loads.getIfAvailable()) {
			@Override
			public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
					InstrumentationState state) {
				ExecutionInput observed = super.instrumentExecutionInput(input, parameters, state);
				if (input.getDataLoaderRegistry() instanceof OnDemandDataLoaders onDemand) {
					onDemand.instrument(observed.getDataLoaderRegistry().getInstrumentation());
					return input;
				}
				return observed;
			}

			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
					InstrumentationState state) {
				if (parameters.getExecutionStepInfo().getPath().getLevel() > 1
						|| parameters.getExecutionContext().isSubscriptionOperation()) {
					return fetcher;
				}
				return super.instrumentDataFetcher(fetcher, parameters, state);
			}
		};
	}

}
