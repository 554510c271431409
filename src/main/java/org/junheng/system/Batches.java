package org.junheng.system;

import java.util.Collection;
import java.util.LinkedHashMap;
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

	/**
	 * For a {@code @BatchMapping}: each source with the value its key finds in {@code found}.
	 * Sources whose key finds nothing are left out, so their field is null rather than the whole
	 * batch failing.
	 */
	public static <S, K, V> Map<S, V> joined(Collection<S> sources, Function<S, K> key, Map<K, V> found) {
		Map<S, V> joined = new LinkedHashMap<>();
		for (S source : sources) {
			V value = found.get(key.apply(source));
			if (value != null) {
				joined.put(source, value);
			}
		}
		return joined;
	}

	/** Like {@link #joined} for list fields: a source whose key finds nothing gets an empty list. */
	public static <S, K, V> Map<S, List<V>> joinedLists(Collection<S> sources, Function<S, K> key,
			Map<K, ? extends Collection<V>> found) {
		Map<S, List<V>> joined = new LinkedHashMap<>();
		for (S source : sources) {
			Collection<V> values = found.get(key.apply(source));
			joined.put(source, (values != null) ? List.copyOf(values) : List.of());
		}
		return joined;
	}

	public static <K, G, V> Mono<Map<K, V>> byGroup(Collection<K> keys, Function<K, G> group,
			BiFunction<G, List<K>, Mono<Map<K, V>>> load) {
		return Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(group)).entrySet())
			.concatMap((entry) -> load.apply(entry.getKey(), entry.getValue()).flatMapIterable(Map::entrySet))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
