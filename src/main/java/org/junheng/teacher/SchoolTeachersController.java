package org.junheng.teacher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.junheng.school.School;
import org.junheng.system.Batches;
import org.junheng.system.Connection;
import org.junheng.system.Keyset;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.junheng.teacher.TeacherQueries.TeacherFilter;
import org.junheng.teacher.TeacherQueries.TeacherOrder;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import graphql.GraphQLContext;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;

/** A school's teachers and their count, batched over every school of a page. */
@Controller
class SchoolTeachersController {

	private final Keyset keyset;

	private final DatabaseClient db;

	private final Access access;

	SchoolTeachersController(Keyset keyset, DatabaseClient db, Access access, BatchLoaderRegistry loaders) {
		this.keyset = keyset;
		this.access = access;
		this.db = db;
		loaders.<TeachersKey, Connection<Teacher>>forName("schoolTeachers")
			.registerMappedBatchLoader((keys, env) -> Batches.byGroup(keys, TeachersKey::arguments, this::load));
	}

	/** With the caller, so that each request's lists stay within what that caller may read. */
	record Arguments(PageRequest page, TeacherFilter filter, TeacherOrder orderBy, Caller caller) {
	}

	record TeachersKey(long schoolId, Arguments arguments) {
	}

	@SchemaMapping
	CompletableFuture<Connection<Teacher>> teachers(School school, @Argument Integer first, @Argument String after,
			@Argument TeacherFilter filter, @Argument TeacherOrder orderBy,
			DataLoader<TeachersKey, Connection<Teacher>> schoolTeachers, GraphQLContext context) {
		return schoolTeachers.load(new TeachersKey(school.id(),
				new Arguments(PageRequest.forward(first, after), filter, orderBy, Caller.of(context))));
	}

	@BatchMapping
	Mono<Map<School, Integer>> teacherCount(List<School> schools) {
		return this.db.sql("select s.id, " + TeacherQueries.presentAt("s.id") + " as teachers from unnest(:ids::bigint[]) as s (id)")
			.bind("ids", schools.stream().map(School::id).distinct().toArray(Long[]::new))
			.map((row) -> Map.entry(row.get("id", Long.class), row.get("teachers", Integer.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((counts) -> schools.stream().distinct()
				.collect(Collectors.toMap((school) -> school, (school) -> counts.getOrDefault(school.id(), 0))));
	}

	private Mono<Map<TeachersKey, Connection<Teacher>>> load(Arguments arguments, List<TeachersKey> keys) {
		Caller caller = arguments.caller();
		SqlWhere where = TeacherQueries.where(arguments.filter(), arguments.orderBy(), this.access, caller)
			.and("t.school_id = any(:parents)", "parents", keys.stream().map(TeachersKey::schoolId).toArray(Long[]::new));
		return this.keyset.pages("teacher t", "t", "t.school_id", Long.class, where,
				TeacherQueries.sort(arguments.orderBy(), this.access, caller), arguments.page(), Teacher::from)
			.map((bySchool) -> keys.stream().collect(Collectors.toMap((key) -> key,
					(key) -> bySchool.getOrDefault(key.schoolId(), Keyset.empty()), (a, b) -> a)));
	}

}
