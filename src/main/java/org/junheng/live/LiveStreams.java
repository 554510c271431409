package org.junheng.live;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Where an event table's reader hands its live events: one stream on the reader's own thread, and
 * one on each event loop that has WebSocket subscribers, to which every event is handed once. A
 * subscriber follows the stream of its connection's loop, so its message is written from the
 * thread that owns the socket (no queue and wake-up per message), and the walk over ten thousand
 * subscribers runs on every loop at once instead of on the reader alone. Each stream keeps the
 * reader's order: a loop runs what it is handed in the order handed.
 */
final class LiveStreams<E> {

	private volatile Sinks.Many<E> reader = sink();

	private final Map<Executor, Lane<E>> lanes = new ConcurrentHashMap<>();

	/** The stream of this event loop, or the reader's for none. */
	Flux<E> on(Executor loop) {
		if (loop == null) {
			return this.reader.asFlux();
		}
		return this.lanes.computeIfAbsent(loop, Lane::new).sink.asFlux();
	}

	/** Called by the reader only, one event after another. */
	void hand(E event) {
		// No subscribers is not a failure.
		this.reader.tryEmitNext(event);
		this.lanes.values().forEach((lane) -> lane.hand(event));
	}

	/** Ends every stream: the instance stops. Streams asked for after {@link #renew} are new ones. */
	void complete() {
		this.reader.tryEmitComplete();
		this.lanes.values().forEach(Lane::complete);
	}

	void renew() {
		this.reader = sink();
		this.lanes.clear();
	}

	/** How many follow each loop's stream, and (under null) the reader's. */
	Map<Executor, Integer> followers() {
		Map<Executor, Integer> counts = new HashMap<>();
		counts.put(null, this.reader.currentSubscriberCount());
		this.lanes.forEach((loop, lane) -> counts.put(loop, lane.sink.currentSubscriberCount()));
		return counts;
	}

	private static <E> Sinks.Many<E> sink() {
		return Sinks.many().multicast().directBestEffort();
	}

	private static final class Lane<E> {

		private final Executor loop;

		private final Sinks.Many<E> sink = sink();

		Lane(Executor loop) {
			this.loop = loop;
		}

		void hand(E event) {
			try {
				this.loop.execute(() -> this.sink.tryEmitNext(event));
			}
			catch (RejectedExecutionException shuttingDown) {
				// The loop is closing, and its connections with it.
			}
		}

		void complete() {
			try {
				// On the loop, after what it was handed: a sink takes one signal at a time.
				this.loop.execute(this.sink::tryEmitComplete);
			}
			catch (RejectedExecutionException shuttingDown) {
				this.sink.tryEmitComplete();
			}
		}

	}

}
