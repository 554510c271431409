package org.junheng.school;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.system.GlobalId;
import org.junheng.system.NotFoundException;
import org.springframework.stereotype.Component;

/** What other features may ask of schools. */
@Component
public class Schools {

	private final SchoolRepository repository;

	Schools(SchoolRepository repository) {
		this.repository = repository;
	}

	public Mono<Map<Long, School>> byIds(Collection<Long> ids) {
		return this.repository.findAllById(ids.stream().distinct().toList())
			.collect(Collectors.toMap(School::id, Function.identity()));
	}

	/** The school with this key, or a NOT_FOUND error naming the input field. */
	public Mono<School> require(long id, String field) {
		return this.repository.findById(id)
			.switchIfEmpty(NotFoundException.error(field, "no school has the ID " + GlobalId.of("School", id)));
	}

}
