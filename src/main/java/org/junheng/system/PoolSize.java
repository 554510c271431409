package org.junheng.system;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How many connections the R2DBC pool opens at most, unless {@code spring.r2dbc.pool.max-size}
 * says: two per core, at least four. A PostgreSQL backend runs one statement on one core, so
 * more statements at once than about twice the cores only queue in the operating system's
 * scheduler, where nothing keeps them in order; they wait in the pool's queue instead, first come
 * first served. With 20 on 2 cores, 16 clients paging schools kept 16 backends runnable beside
 * Junheng's event loops, and one request in a hundred waited 65-91 ms where the median was 12 ms;
 * with 4 the 99th percentile was 22 ms at the same requests/s (README, Performance). The default
 * fits a database on a machine like Junheng's (the embedded one, the compose file's); for a
 * larger database server set it to about twice that server's cores. The pool opens up to 4 at
 * start ({@code spring.r2dbc.pool.initial-size}), never more than its size.
 */
class PoolSize implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "spring.r2dbc.pool.max-size";

	static final String INITIAL = "spring.r2dbc.pool.initial-size";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		int size = environment.getProperty(PROPERTY, Integer.class, defaultSize(Runtime.getRuntime().availableProcessors()));
		environment.getPropertySources()
			.addLast(new MapPropertySource("junheng-pool-size", Map.of(PROPERTY, size, INITIAL, Math.min(4, size))));
	}

	static int defaultSize(int cores) {
		return Math.max(4, 2 * cores);
	}

	@Override
	public int getOrder() {
		// After the configuration files are read, so that what they say counts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
