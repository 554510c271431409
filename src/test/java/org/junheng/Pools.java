package org.junheng;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;

/** The r2dbc pool behind the application's connection factory, which Spring wraps (transactions, metrics). */
public final class Pools {

	private Pools() {
	}

	public static ConnectionPool of(ConnectionFactory factory) {
		Object current = factory;
		while (!(current instanceof ConnectionPool) && current instanceof Wrapped<?> wrapped) {
			current = wrapped.unwrap();
		}
		if (!(current instanceof ConnectionPool pool)) {
			throw new IllegalStateException("No r2dbc pool behind " + factory);
		}
		return pool;
	}

}
