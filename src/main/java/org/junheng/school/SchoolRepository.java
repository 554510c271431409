package org.junheng.school;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SchoolRepository extends ReactiveCrudRepository<School, Long> {

}
