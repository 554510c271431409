package org.junheng.exchange;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface PairingRepository extends ReactiveCrudRepository<Pairing, Long> {

}
