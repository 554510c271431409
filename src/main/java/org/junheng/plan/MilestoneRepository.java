package org.junheng.plan;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface MilestoneRepository extends ReactiveCrudRepository<Milestone, Long> {

}
