package org.junheng.region;

import java.util.Collection;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface RegionRepository extends ReactiveCrudRepository<Region, String> {

	Flux<Region> findByParentCodeInOrderByCode(Collection<String> parentCodes);

}
