package org.junheng.school;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;

import org.junheng.region.Region;
import org.junheng.school.SchoolQueries.SchoolFilter;
import org.junheng.school.SchoolQueries.SchoolOrder;
import org.junheng.system.Batches;
import org.junheng.system.Connection;
import org.junheng.system.Keyset;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import graphql.GraphQLContext;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Region.schools}: the schools of a region and its descendants. Regions listed together
 * with the same arguments share one windowed statement.
 */
@Controller
class RegionSchoolsController {

	private final Keyset keyset;

	private final Access access;

	RegionSchoolsController(Keyset keyset, Access access, BatchLoaderRegistry loaders) {
		this.keyset = keyset;
		this.access = access;
		loaders.<SchoolsKey, Connection<School>>forName("regionSchools")
			.registerMappedBatchLoader((keys, env) -> Batches.byGroup(keys, SchoolsKey::arguments, this::load));
	}

	/** The caller's scope is part of the key: only the schools it may read are listed (anonymous callers are refused). */
	record Arguments(PageRequest page, SchoolFilter filter, SchoolOrder orderBy, Scope scope) {
	}

	record SchoolsKey(String regionCode, Arguments arguments) {
	}

	@SchemaMapping
	CompletableFuture<Connection<School>> schools(Region region, @Argument Integer first, @Argument String after,
			@Argument SchoolFilter filter, @Argument SchoolOrder orderBy, DataLoader<SchoolsKey, Connection<School>> regionSchools,
			GraphQLContext context) {
		Arguments arguments = new Arguments(PageRequest.forward(first, after), filter, orderBy,
				this.access.requireSchoolData(Caller.of(context), "schools"));
		return regionSchools.load(new SchoolsKey(region.code(), arguments));
	}

	private reactor.core.publisher.Mono<Map<SchoolsKey, Connection<School>>> load(Arguments arguments, List<SchoolsKey> keys) {
		SqlWhere where = arguments.scope().onSchool(SchoolQueries.where(arguments.filter()), "s.id")
			.and("pr.code = any(:parents)", "parents", keys.stream().map(SchoolsKey::regionCode).toArray(String[]::new));
		String from = "school s join region sr on sr.code = s.region_code"
				+ " join region pr on (sr.path = pr.path or sr.path like pr.path || '/%')";
		return this.keyset.pages(from, "s", "pr.code", String.class, where, SchoolQueries.sort(arguments.orderBy()),
				arguments.page(), School::from)
			.map((byRegion) -> keys.stream().collect(Collectors.toMap((key) -> key,
					(key) -> byRegion.getOrDefault(key.regionCode(), Keyset.empty()), (a, b) -> a)));
	}

}
