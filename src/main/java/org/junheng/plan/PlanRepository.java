package org.junheng.plan;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface PlanRepository extends ReactiveCrudRepository<Plan, Long> {

}
