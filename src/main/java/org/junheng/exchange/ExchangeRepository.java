package org.junheng.exchange;

import java.util.Collection;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface ExchangeRepository extends ReactiveCrudRepository<Exchange, Long> {

	Flux<Exchange> findByTeacherIdInOrderByStartsOn(Collection<Long> teacherIds);

}
