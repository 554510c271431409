package org.junheng.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Whether schools lie in a scope, for the guards of school data ({@link SchoolData}) and of
 * personal data ({@link PersonalFields}): answered in memory for everything, nothing and one
 * school; for a region, by one statement for all the schools a request level asks about.
 */
@Component
class SchoolsInScope {

	private static final String LOADER = "junheng.schoolsInRegion";

	/** One school asked about within one region (the scope's). */
	private record Key(String region, long school) {
	}

	SchoolsInScope(BatchLoaderRegistry registry, DatabaseClient db) {
		registry.forTypePair(Key.class, Boolean.class).withName(LOADER).registerMappedBatchLoader((keys, env) -> Flux
			.fromIterable(keys.stream().collect(Collectors.groupingBy(Key::region)).entrySet())
			.concatMap((byRegion) -> db
				.sql("select s.id, " + Scope.within("s.region_code", "region") + " as inside from school s where s.id = any(:ids)")
				.bind("ids", byRegion.getValue().stream().map(Key::school).distinct().toArray(Long[]::new))
				.bind("region", byRegion.getKey())
				.map((row) -> Map.entry(new Key(byRegion.getKey(), row.get("id", Long.class)),
						Boolean.TRUE.equals(row.get("inside", Boolean.class))))
				.all())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Whether one of the schools (both ends of an exchange, say) is in the scope; a school that does not exist is not. */
	static CompletableFuture<Boolean> anyInside(Scope scope, Collection<Long> schools, DataFetchingEnvironment env) {
		if (scope.all()) {
			return CompletableFuture.completedFuture(true);
		}
		if (scope.schoolId() != null) {
			return CompletableFuture.completedFuture(schools.contains(scope.schoolId()));
		}
		if (scope.regionCode() == null || schools.isEmpty()) {
			return CompletableFuture.completedFuture(false);
		}
		DataLoader<Key, Boolean> loader = env.getDataLoader(LOADER);
		List<Key> keys = schools.stream().distinct().map((school) -> new Key(scope.regionCode(), school)).toList();
		return loader.loadMany(keys).thenApply((inside) -> inside.contains(Boolean.TRUE));
	}

}
