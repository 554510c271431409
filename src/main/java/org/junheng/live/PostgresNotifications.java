package org.junheng.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;

/**
 * PostgreSQL LISTEN on one dedicated connection per channel and instance, outside the pool: a
 * pooled connection would be handed back and its LISTEN lost. When the connection drops (the
 * database restarts, a network blip) it connects and listens again, with backoff, for ever.
 */
@Component
public class PostgresNotifications {

	/** Emitted each time the listener is (re)connected: whatever was sent meanwhile was missed. */
	public static final String CONNECTED = "";

	private static final Log logger = LogFactory.getLog(PostgresNotifications.class);

	private final ConnectionFactory connections;

	/** Whether each channel asked for is listened on now: readiness is down while one is not. */
	private final Map<String, Boolean> listening = new ConcurrentHashMap<>();

	PostgresNotifications(ConnectionFactory connections) {
		this.connections = connections;
	}

	/** The channels asked for that have no listening connection at this moment. */
	public List<String> deaf() {
		return this.listening.entrySet().stream().filter((entry) -> !entry.getValue()).map(Map.Entry::getKey).sorted().toList();
	}

	/**
	 * Wake-ups for a channel: {@link #CONNECTED} after every (re)connect, then each payload. The
	 * driver drops notifications nobody has asked for, so the stream keeps only the latest one
	 * when its reader is busy; that is enough for readers that fetch by cursor, which is the only
	 * way this is meant to be used. Never completes; an empty stream when the database is not
	 * PostgreSQL.
	 */
	public Flux<String> listen(String channel) {
		if (!channel.matches("[a-z_]+")) {
			throw new IllegalArgumentException("Not a channel name: " + channel);
		}
		ConnectionFactory postgres = unwrap(this.connections);
		this.listening.putIfAbsent(channel, false);
		if (postgres == null) {
			logger.warn("Not PostgreSQL: no LISTEN on " + channel + "; readers poll only");
			return Flux.never();
		}
		return Flux.usingWhen(Mono.from(postgres.create()).cast(PostgresqlConnection.class),
				(connection) -> connection.createStatement("LISTEN " + channel)
					.execute()
					.flatMap(PostgresqlResult::getRowsUpdated)
					.thenMany(Flux.just(CONNECTED)
						.doOnNext((connected) -> {
							this.listening.put(channel, true);
							logger.info("Listening on " + channel);
						})
						.concatWith(connection.getNotifications().map((n) -> (n.getParameter() != null) ? n.getParameter() : ""))),
				// At a stop the connection is often closing already: a failing close is no news.
				(connection) -> Mono.from(connection.close()).onErrorResume((ex) -> Mono.empty()))
			// The notification stream ends when the connection does: start over.
			.concatWith(Mono.error(() -> new IllegalStateException("The connection listening on " + channel + " closed")))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)).transientErrors(true)
				.doBeforeRetry((signal) -> {
					this.listening.put(channel, false);
					logger.warn("Listening on " + channel + " again after: " + signal.failure().getMessage());
				}))
			.onBackpressureLatest();
	}

	private static ConnectionFactory unwrap(ConnectionFactory factory) {
		Object current = factory;
		for (int depth = 0; depth < 8; depth++) {
			if (current instanceof io.r2dbc.postgresql.PostgresqlConnectionFactory) {
				return (ConnectionFactory) current;
			}
			if (!(current instanceof Wrapped<?> wrapped)) {
				return null;
			}
			current = wrapped.unwrap();
		}
		return null;
	}

}
