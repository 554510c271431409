package org.junheng.system;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/** Subscriptions open now and events delivered, by transport (WebSocket or SSE). */
@Component
class SubscriptionMetrics implements WebGraphQlInterceptor {

	private record Transport(AtomicInteger open, Counter delivered) {
	}

	private final Map<String, Transport> transports;

	SubscriptionMetrics(MeterRegistry meters) {
		this.transports = Map.of("websocket", transport("websocket", meters), "sse", transport("sse", meters));
	}

	private static Transport transport(String name, MeterRegistry meters) {
		AtomicInteger open = new AtomicInteger();
		Gauge.builder("junheng.subscriptions.open", open, AtomicInteger::get).tag("transport", name)
			.description("Subscriptions open on this instance").register(meters);
		return new Transport(open, Counter.builder("junheng.subscriptions.delivered").tag("transport", name)
			.description("Subscription events sent to clients").register(meters));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
				return response;
			}
			Transport transport = this.transports.get((request instanceof WebSocketGraphQlRequest) ? "websocket" : "sse");
			Flux<?> counted = Flux.from(events)
				.doOnSubscribe((subscription) -> transport.open().incrementAndGet())
				.doOnNext((event) -> transport.delivered().increment())
				.doFinally((signal) -> transport.open().decrementAndGet());
			return response.transform((builder) -> builder.data(counted));
		});
	}

}
