package org.junheng.system;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A Relay connection. {@code totalCount} is a lazy Mono: its COUNT query runs only when a client
 * selects the field, so a plain page costs one statement. graphql-java resolves it in a query, and
 * {@code live.LiveExecution} in a subscription's events.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Mono<Long> totalCount) {

	public record Edge<T>(T node, String cursor) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
