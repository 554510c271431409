package org.junheng.live;

import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import graphql.ExecutionResult;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One subscription's graphql-java execution, run on the events it is given. graphql-java
 * executes a subscription's selection for each event of the stream its subscribed field returns;
 * that stream is this engine's, fed by {@link #execute} one event at a time, and the results come
 * back in the same order (KEEP_SUBSCRIPTION_EVENTS_ORDERED), each completing the future its
 * event was given.
 */
final class EventEngine {

	/**
	 * It holds an event only while graphql-java has not asked for it, one at a time: a queue that
	 * starts at 8 slots, not Reactor's default 256 (a kilobyte for every idle subscriber).
	 * <p>
	 * Not Reactor's serialized sink: that one refuses an event (FAIL_NON_SERIALIZED) while
	 * another thread is still inside the call that gave the last one. That happens here: the last
	 * event's result can come back on a database thread, and its subscriber give the next event
	 * there, before the thread that gave the last event has left the sink. The calls never
	 * overlap otherwise (each event is given after the last one's result), which is what this
	 * sink asks of its callers, and its drain takes over an event given during another's.
	 */
	private final Sinks.Many<Object> events = Sinks.unsafe().many().unicast().onBackpressureBuffer(Queues.<Object>unbounded(8).get());

	private final Queue<CompletableFuture<ExecutionResult>> pending = new ConcurrentLinkedQueue<>();

	private volatile Disposable results;

	private volatile Throwable ended;

	/** The stream graphql-java executes. */
	Flux<Object> events() {
		return this.events.asFlux();
	}

	void start(Publisher<ExecutionResult> executed) {
		this.results = Flux.from(executed).subscribe((result) -> {
			CompletableFuture<ExecutionResult> waiting = this.pending.poll();
			if (waiting != null) {
				waiting.complete(result);
			}
		}, this::end, () -> end(new CancellationException("The subscription's execution ended")));
	}

	/** The event's result; called by one subscriber's stream, one event after another. */
	CompletableFuture<ExecutionResult> execute(Object event) {
		Throwable why = this.ended;
		if (why != null) {
			return CompletableFuture.failedFuture(why);
		}
		CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
		this.pending.add(result);
		if (this.events.tryEmitNext(event).isFailure()) {
			this.pending.remove(result);
			result.completeExceptionally(new CancellationException("The subscription's execution ended"));
		}
		return result;
	}

	/**
	 * The subscriber left: what is in flight is cancelled, not finished. The engine is cancelled
	 * before its events end, so graphql-java is not asked to finish (under its lock, on this
	 * thread) what nobody will read.
	 */
	void stop() {
		end(new CancellationException("The subscription ended"));
		Disposable running = this.results;
		if (running != null) {
			running.dispose();
		}
		this.events.tryEmitComplete();
	}

	private void end(Throwable why) {
		this.ended = why;
		for (CompletableFuture<ExecutionResult> waiting = this.pending.poll(); waiting != null; waiting = this.pending.poll()) {
			waiting.completeExceptionally(why);
		}
	}

}
