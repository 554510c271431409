package org.junheng.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine between a subscriber's events and graphql-java, with graphql-java played by a
 * subscriber of the engine's events that answers each with a result.
 */
class EventEngineTests {

	/**
	 * An event's result can come back on another thread (a batch-loaded field answered by the
	 * database) while the thread that gave the event is still inside the call that gave it; the
	 * subscriber then gives its next event there. That event was refused once: the subscription
	 * ended with an unclassified "Subscription error" (seen in CI, under load).
	 */
	@Test
	void theNextEventIsTakenWhileTheThreadThatGaveTheLastIsStillInsideTheHandOver() {
		EventEngine engine = new EventEngine();
		Sinks.Many<ExecutionResult> results = Sinks.many().unicast().onBackpressureBuffer();
		AtomicReference<CompletableFuture<ExecutionResult>> next = new AtomicReference<>();
		engine.events().subscribe((event) -> {
			ExecutionResult result = ExecutionResult.newExecutionResult().data(event).build();
			if (!"first".equals(event)) {
				results.tryEmitNext(result);
				return;
			}
			Thread database = new Thread(() -> {
				results.tryEmitNext(result);
				next.set(engine.execute("second"));
			});
			database.start();
			try {
				database.join();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		engine.start(results.asFlux());

		CompletableFuture<ExecutionResult> first = engine.execute("first");

		assertThat(first).isCompletedWithValueMatching((result) -> "first".equals(result.getData()));
		assertThat(next.get()).isCompletedWithValueMatching((result) -> "second".equals(result.getData()));
	}

	@Test
	void whatIsInFlightWhenTheSubscriberLeavesIsCancelledAndNothingMoreIsTaken() {
		EventEngine engine = new EventEngine();
		Sinks.Many<ExecutionResult> results = Sinks.many().unicast().onBackpressureBuffer();
		engine.events().subscribe((event) -> {
			// graphql-java is still executing it.
		});
		engine.start(results.asFlux());
		CompletableFuture<ExecutionResult> inFlight = engine.execute("first");

		engine.stop();

		assertThat(inFlight).isCompletedExceptionally();
		assertThat(engine.execute("second")).isCompletedExceptionally();
	}

}
