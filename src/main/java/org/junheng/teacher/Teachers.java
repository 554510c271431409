package org.junheng.teacher;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.system.GlobalId;
import org.junheng.system.NotFoundException;
import org.springframework.stereotype.Component;

/** What other features may ask of teachers. */
@Component
public class Teachers {

	private final TeacherRepository repository;

	Teachers(TeacherRepository repository) {
		this.repository = repository;
	}

	public Mono<Map<Long, Teacher>> byIds(Collection<Long> ids) {
		return this.repository.findAllById(ids.stream().distinct().toList())
			.collect(Collectors.toMap(Teacher::id, Function.identity()));
	}

	/** The teacher with this key, or a NOT_FOUND error naming the input field. */
	public Mono<Teacher> require(long id, String field) {
		return this.repository.findById(id)
			.switchIfEmpty(NotFoundException.error(field, "no teacher has the ID " + GlobalId.of("Teacher", id)));
	}

}
