package org.junheng.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.reactive.ReactiveSupport;
import graphql.schema.DataFetcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.stereotype.Component;

/**
 * How every subscription of the graph runs: the subscribed field's stream of events (with its
 * own filter, replay after a cursor and FELL_BEHIND) is followed here, one event at a time, and
 * each event's result is taken from {@link SharedResults}, so that the subscribers of one event
 * with the same document, variables and authority have it executed once and serialized once.
 * graphql-java still executes every event that is executed ({@link EventEngine}); it is only told
 * fewer of them.
 * <ul>
 * <li><b>Order.</b> Events go out in the order of the stream, each after the one before it:
 * clients resume from the last cursor they received.</li>
 * <li><b>The end of a stream.</b> When the stream fails (FELL_BEHIND, an instance stopping), every
 * event it handed on is sent first and the error after it, so the cursor an error names is the
 * last one the client got.</li>
 * <li><b>Reactive values in events.</b> In a query, graphql-java turns a {@code Mono} a field's
 * data fetcher returns (a record property such as {@code Connection.totalCount()}) into a future;
 * in a subscription it does not, and the value would reach the serializer as a {@code MonoJust}.
 * Every field below a subscription's root is adapted here as in a query.</li>
 * <li><b>Errors.</b> Spring classifies the errors of the subscribed field's stream; an error of
 * the execution that follows it here would reach the client as a bare "Subscription error". Each
 * one goes through the same {@link SubscriptionExceptionResolver}s, and when the stream's own end
 * (FELL_BEHIND) and an event's failure come together, the client is told the stream's end, with
 * its cursor, and the other is logged.</li>
 * </ul>
 */
@Component
class LiveExecution extends SimplePerformantInstrumentation {

	private static final Log logger = LogFactory.getLog(LiveExecution.class);

	private final SharedResults shared;

	private final List<SubscriptionExceptionResolver> resolvers;

	LiveExecution(SharedResults shared, List<SubscriptionExceptionResolver> resolvers) {
		this.shared = shared;
		this.resolvers = resolvers;
	}

	/** One request's part here; only a subscription fills it. */
	static final class Live implements InstrumentationState {

		private volatile SharingKey key;

		private volatile Publisher<?> events;

		private volatile EventEngine engine;

	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Live();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		var context = parameters.getExecutionContext();
		if (context.isSubscriptionOperation() && state instanceof Live live) {
			live.key = SharingKey.of(context);
			live.engine = new EventEngine();
			// The engine pairs each result with its event by order.
			context.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
		}
		return null;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (!(state instanceof Live live) || live.engine == null) {
			return dataFetcher;
		}
		if (parameters.getExecutionStepInfo().getPath().getLevel() > 1) {
			// A field inside an event: adapted as graphql-java adapts it in a query.
			return (env) -> ReactiveSupport.fetchedObject(dataFetcher.get(env));
		}
		// The subscribed field: its events are kept here, and graphql-java is handed the engine's.
		return (env) -> {
			Object events = dataFetcher.get(env);
			if (events instanceof CompletableFuture<?> future) {
				return future.thenApply((value) -> follow(value, live));
			}
			return follow(events, live);
		};
	}

	private static Object follow(Object events, Live live) {
		if (!(events instanceof Publisher<?> publisher)) {
			return events;
		}
		live.events = publisher;
		return live.engine.events();
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Live live) || live.events == null || !(result.getData() instanceof Publisher<?> executed)) {
			return CompletableFuture.completedFuture(result);
		}
		@SuppressWarnings("unchecked")
		Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) executed;
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.data(delivered(live, results))));
	}

	private Flux<ExecutionResult> delivered(Live live, Publisher<ExecutionResult> results) {
		EventEngine engine = live.engine;
		return Flux.defer(() -> {
			engine.start(results);
			// One event at a time, an error only after every event handed on before it.
			return Flux.from(live.events)
				.concatMapDelayError((event) -> result(event, live), true, 1)
				.onErrorResume((ex) -> classified(ex).flatMapMany(Flux::error))
				.doFinally((signal) -> engine.stop());
		});
	}

	/**
	 * The error a live stream ends with, as the client is to be told it: of several, the stream's
	 * own end if it is one of them (it carries the cursor to resume from), and the others logged.
	 */
	Mono<Throwable> classified(Throwable ex) {
		List<Throwable> all = Exceptions.unwrapMultiple(ex);
		Throwable told = all.stream().filter(SubscriptionPublisherException.class::isInstance).findFirst().orElse(all.get(0));
		all.stream().filter((other) -> other != told)
			.forEach((other) -> logger.warn("A live event failed as its stream ended", other));
		if (told instanceof SubscriptionPublisherException) {
			return Mono.just(told);
		}
		return Flux.fromIterable(this.resolvers)
			.concatMap((resolver) -> resolver.resolveException(told))
			.next()
			.map((errors) -> (Throwable) new SubscriptionPublisherException(errors, told))
			.defaultIfEmpty(told);
	}

	private Mono<ExecutionResult> result(Object event, Live live) {
		CompletableFuture<ExecutionResult> shared = this.shared.result(event, live.key, live.engine::execute);
		if (shared.isDone() && !shared.isCompletedExceptionally()) {
			// Most subscribers: another one executed it already. A scalar goes on without an
			// inner subscription (two operators less for every subscriber and event).
			return Mono.just(shared.join());
		}
		return Mono.fromFuture(shared, true)
			// The subscriber executing it for the others left before it was done: execute it here.
			.onErrorResume((ex) -> Mono.fromFuture(() -> live.engine.execute(event), true));
	}

}
