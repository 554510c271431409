package org.junheng.system;

import java.util.Map;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.Pools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool opens about as many connections as PostgreSQL can run statements at once, unless told otherwise. */
@EndToEndTest
class PoolSizeTests {

	@Autowired
	private ConnectionFactory connections;

	@Autowired
	private DatabaseClient db;

	@Test
	void twoConnectionsPerCoreAndAtLeastFour() {
		assertThat(PoolSize.defaultSize(1)).isEqualTo(4);
		assertThat(PoolSize.defaultSize(2)).isEqualTo(4);
		assertThat(PoolSize.defaultSize(16)).isEqualTo(32);
	}

	@Test
	void theRunningPoolHasTheDefaultSize() {
		assertThat(Pools.of(this.connections).getMetrics().orElseThrow().getMaxAllocatedSize())
			.isEqualTo(PoolSize.defaultSize(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void aSizeSetInTheConfigurationWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(PoolSize.PROPERTY, "12")));
		new PoolSize().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(PoolSize.PROPERTY, Integer.class)).isEqualTo(12);
		assertThat(environment.getProperty(PoolSize.INITIAL, Integer.class)).isEqualTo(4);

		// A pool smaller than 4 opens no more than its size at start (the pool refuses more).
		StandardEnvironment small = new StandardEnvironment();
		small.getPropertySources().addFirst(new MapPropertySource("application", Map.of(PoolSize.PROPERTY, "2")));
		new PoolSize().postProcessEnvironment(small, new SpringApplication());
		assertThat(small.getProperty(PoolSize.INITIAL, Integer.class)).isEqualTo(2);

		StandardEnvironment unset = new StandardEnvironment();
		new PoolSize().postProcessEnvironment(unset, new SpringApplication());
		assertThat(unset.getProperty(PoolSize.PROPERTY, Integer.class))
			.isEqualTo(PoolSize.defaultSize(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void statementsBeyondThePoolWaitTheirTurnAndAllAreAnswered() {
		int size = Pools.of(this.connections).getMetrics().orElseThrow().getMaxAllocatedSize();
		// Each holds its connection for 50 ms: five times as many as the pool has wait in its queue.
		StepVerifier.create(Flux.range(0, 5 * size)
				.flatMap((i) -> this.db.sql("select :i::int as i from pg_sleep(0.05)").bind("i", i)
					.map((row) -> row.get("i", Integer.class)).one(), 5 * size)
				.collectList())
			.assertNext((answered) -> assertThat(answered).hasSize(5 * size).doesNotHaveDuplicates())
			.verifyComplete();
	}

}
