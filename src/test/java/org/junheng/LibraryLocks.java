package org.junheng;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Short locks of libraries that BlockHound would report when two threads meet in them: graphql-java
 * guards a request's list of errors (two fields failing at the same moment) and a subscription's
 * events in flight (an event's result completing on one thread while the next event or the end
 * arrives on another), Jackson builds a
 * type's deserializer once under a lock (two first requests of a fresh server at the same moment),
 * OpenTelemetry queues each ended span for its exporter under one, Boot's Prometheus exemplars
 * look their tracer up once under one, and Netty 4.2's adaptive buffer
 * allocator frees a magazine under a write lock when it grows its magazines (two event loops
 * reading at the same moment); BlockHound failing there breaks the connection being read, which
 * showed as requests or database calls hanging until their timeout.
 * Neither is I/O or a long wait, so BlockHound lets exactly these be; any other blocking call
 * still fails the tests.
 */
public class LibraryLocks implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("graphql.execution.ExecutionContext", "addErrors");
		builder.allowBlockingCallsInside("graphql.execution.ExecutionContext", "addError");
		for (String inFlight : new String[] { "offerToInFlightQ", "removeFromInFlightQAndCheckIfEmpty", "cancelInFlightFutures",
				"inFlightQIsEmpty" }) {
			builder.allowBlockingCallsInside("graphql.execution.reactive.CompletionStageSubscriber", inFlight);
		}
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
		// With traces on, each ended span joins the exporter's bounded queue, guarded by a lock.
		builder.allowBlockingCallsInside("io.opentelemetry.sdk.trace.export.BatchSpanProcessor$Worker", "addSpan");
		// With traces on, Boot's Prometheus exemplars find the tracer once, under a lock, on the first
		// metrics recorded; two event loops meeting there failed a database read inside its
		// completion, where nothing reports it, and that instance never listened for live events.
		builder.allowBlockingCallsInside(
				"org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration$LazyTracingSpanContext",
				"currentSpan");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "free");
	}

}
