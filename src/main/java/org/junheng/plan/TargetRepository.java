package org.junheng.plan;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface TargetRepository extends ReactiveCrudRepository<Target, Long> {

}
