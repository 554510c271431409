package org.junheng.system;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.reactive.ReactiveSupport;
import graphql.schema.DataFetcher;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Two places where graphql-java runs a subscription differently from a query, made to behave
 * like a query for every subscription of the graph.
 * <ul>
 * <li><b>Reactive values in events.</b> In a query, graphql-java turns a {@code Mono} a field's
 * data fetcher returns (a record property such as {@link Connection#totalCount()}) into a
 * future; in a subscription it does not, anywhere in the events, and the value reaches the
 * serializer as a {@code MonoJust}. Here every field below a subscription's root is adapted the
 * same way as in a query.</li>
 * <li><b>The end of a stream.</b> When the source stream of a subscription fails, graphql-java
 * hands the error on at once and drops the events it is still executing (those waiting on their
 * nested fields' loaders). A client would then be told of, say, a {@code FELL_BEHIND} cursor for
 * events it never got. Here the source's error is held back: the source ends, graphql-java
 * finishes and sends every event it started, and only then does the stream fail with that
 * error, after the last event the client was sent.</li>
 * </ul>
 */
@Component
class SubscriptionExecution extends SimplePerformantInstrumentation {

	/** The error the source stream of one subscription ended with, until its last event went out. */
	static final class Ending implements InstrumentationState {

		private volatile Throwable failure;

		Mono<ExecutionResult> then() {
			return Mono.defer(() -> (this.failure != null) ? Mono.error(this.failure) : Mono.empty());
		}

	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Ending();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (!parameters.getExecutionContext().isSubscriptionOperation() || !(state instanceof Ending ending)) {
			return dataFetcher;
		}
		if (parameters.getExecutionStepInfo().getPath().getLevel() > 1) {
			// A field inside an event: adapted as graphql-java adapts it in a query.
			return (env) -> ReactiveSupport.fetchedObject(dataFetcher.get(env));
		}
		// The subscription's own field: its stream ends instead of failing, and the failure is kept.
		return (env) -> {
			Object source = dataFetcher.get(env);
			if (source instanceof CompletableFuture<?> future) {
				return future.thenApply((value) -> held(value, ending));
			}
			return held(source, ending);
		};
	}

	private static Object held(Object source, Ending ending) {
		if (!(source instanceof Publisher<?> publisher)) {
			return source;
		}
		return Flux.from(publisher).onErrorResume((ex) -> {
			ending.failure = ex;
			return Mono.empty();
		});
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Ending ending) || !(result.getData() instanceof Publisher<?> events)) {
			return CompletableFuture.completedFuture(result);
		}
		@SuppressWarnings("unchecked")
		Flux<ExecutionResult> stream = Flux.from((Publisher<ExecutionResult>) events).concatWith(ending.then());
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.data(stream)));
	}

}
