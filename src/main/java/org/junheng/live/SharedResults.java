package org.junheng.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import tools.jackson.databind.json.JsonMapper;

import org.junheng.system.SerializedAnswer;
import org.springframework.stereotype.Component;

/**
 * Each live event's results, one per {@link SharingKey}: the first subscriber to need one executes
 * it, every other subscriber of that event with the same key is handed the same result, already
 * serialized. Events are told apart by identity: an event table hands one object to all its live
 * subscribers, while an event replayed from the table for one subscriber is an object of its own
 * and is executed for it alone. A result lives as long as its event is referenced (weak keys),
 * so nothing outlasts the subscribers still delivering it.
 */
@Component
class SharedResults {

	private final Cache<Object, Map<SharingKey, CompletableFuture<ExecutionResult>>> byEvent = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(10_000)
		.build();

	/**
	 * The event asked about last, and its results: every subscriber of an event asks within a few
	 * milliseconds, and the cache's lookup (hashing, a read buffer) was 5% of the fan-out.
	 */
	private volatile Latest latest;

	private final JsonMapper json;

	SharedResults(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The event's result for this key: the one executed or being executed for another subscriber,
	 * else the one {@code execute} makes. A failed execution is forgotten, so the next asks again.
	 */
	CompletableFuture<ExecutionResult> result(Object event, SharingKey key,
			Function<Object, CompletableFuture<ExecutionResult>> execute) {
		Latest latest = this.latest;
		Map<SharingKey, CompletableFuture<ExecutionResult>> results;
		if (latest != null && latest.event() == event) {
			results = latest.results();
		}
		else {
			results = this.byEvent.get(event, (absent) -> new ConcurrentHashMap<>());
			this.latest = new Latest(event, results);
		}
		CompletableFuture<ExecutionResult> found = results.get(key);
		if (found != null) {
			return found;
		}
		CompletableFuture<ExecutionResult> mine = new CompletableFuture<>();
		CompletableFuture<ExecutionResult> first = results.putIfAbsent(key, mine);
		if (first != null) {
			return first;
		}
		execute.apply(event).thenApply(this::serialized).whenComplete((result, failure) -> {
			if (failure != null) {
				results.remove(key, mine);
				mine.completeExceptionally(failure);
			}
			else {
				mine.complete(result);
			}
		});
		return mine;
	}

	/** The result with its answer written as JSON once, sent as it is in each subscriber's message. */
	private ExecutionResult serialized(ExecutionResult result) {
		Map<String, String> written = new LinkedHashMap<>();
		result.toSpecification().forEach((name, value) -> written.put(name, this.json.writeValueAsString(value)));
		return new Serialized(result, SerializedAnswer.of(written));
	}

	private record Latest(Object event, Map<SharingKey, CompletableFuture<ExecutionResult>> results) {
	}

	private record Serialized(ExecutionResult result, Map<String, Object> specification) implements ExecutionResult {

		@Override
		public List<GraphQLError> getErrors() {
			return this.result.getErrors();
		}

		@Override
		public <T> T getData() {
			return this.result.getData();
		}

		@Override
		public boolean isDataPresent() {
			return this.result.isDataPresent();
		}

		@Override
		public Map<Object, Object> getExtensions() {
			return this.result.getExtensions();
		}

		@Override
		public Map<String, Object> toSpecification() {
			return this.specification;
		}

	}

}
