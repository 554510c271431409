package org.junheng.teacher;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** What other features may ask of teachers. */
@Component
public class Teachers {

	private final TeacherRepository repository;

	private final DatabaseClient db;

	Teachers(TeacherRepository repository, DatabaseClient db) {
		this.repository = repository;
		this.db = db;
	}

	public Mono<Map<Long, Teacher>> byIds(Collection<Long> ids) {
		return this.db.sql("select * from teacher where id = any(:ids)")
			.bind("ids", ids.stream().distinct().toArray(Long[]::new))
			.map(Teacher::from)
			.all()
			.collect(Collectors.toMap(Teacher::id, Function.identity()));
	}

	/** The teacher with this key, or empty. */
	public Mono<Teacher> find(long id) {
		return this.repository.findById(id);
	}

}
