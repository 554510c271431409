package org.junheng.school;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.system.GlobalId;
import org.junheng.system.NotFoundException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** What other features may ask of schools. */
@Component
public class Schools {

	private final SchoolRepository repository;

	private final DatabaseClient db;

	Schools(SchoolRepository repository, DatabaseClient db) {
		this.repository = repository;
		this.db = db;
	}

	public Mono<Map<Long, School>> byIds(Collection<Long> ids) {
		return this.db.sql("select * from school where id = any(:ids)")
			.bind("ids", ids.stream().distinct().toArray(Long[]::new))
			.map(School::from)
			.all()
			.collect(Collectors.toMap(School::id, Function.identity()));
	}

	/** The school with this key, or a NOT_FOUND error naming the input field. */
	public Mono<School> require(long id, String field) {
		return this.repository.findById(id)
			.switchIfEmpty(NotFoundException.error(field, "notFound.school", GlobalId.of("School", id)));
	}

}
