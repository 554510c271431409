package org.junheng.imports;

import java.time.Duration;
import java.util.List;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.Pools;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running import writes its progress on a second connection: with every connection of the pool
 * held (as by as many imports at once), the figure waits for the next chunk instead of the import
 * waiting for ever on a connection that only its own end would free.
 */
@EndToEndTest
class ImportProgressTests {

	@Autowired
	private ConnectionFactory connections;

	@Autowired
	private ImportStore store;

	@Test
	void progressIsSkippedWhenNoConnectionIsFree() {
		ConnectionPool pool = Pools.of(this.connections);
		int size = pool.getMetrics().orElseThrow().getMaxAllocatedSize();
		List<Connection> held = Flux.range(0, size).flatMap((i) -> Mono.from(pool.create())).collectList().block(Duration.ofSeconds(30));
		try {
			assertThat(held).hasSize(size);
			StepVerifier.create(this.store.progress(-1, 10)).expectComplete().verify(Duration.ofSeconds(5));
		}
		finally {
			Flux.fromIterable(held).concatMap((connection) -> Mono.from(connection.close())).blockLast(Duration.ofSeconds(30));
		}
		// With a connection free again it is written (here to no import: nothing to update, and no error).
		StepVerifier.create(this.store.progress(-1, 10)).expectComplete().verify(Duration.ofSeconds(5));
	}

}
