package org.junheng.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * For DataLoaders whose keys carry field arguments (a page size, a school year): keys asked with
 * the same arguments are loaded together, one statement per distinct set of arguments.
 */
public final class Batches {

	private Batches() {
	}

	public static <K, G, V> Mono<Map<K, V>> byGroup(Collection<K> keys, Function<K, G> group,
			BiFunction<G, List<K>, Mono<Map<K, V>>> load) {
		return Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(group)).entrySet())
			.concatMap((entry) -> load.apply(entry.getKey(), entry.getValue()).flatMapIterable(Map::entrySet))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
