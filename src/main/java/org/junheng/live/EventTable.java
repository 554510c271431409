package org.junheng.live;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.junheng.system.ConnectionLoop;
import org.junheng.system.FellBehindException;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * This instance's view of one durable event table, written by triggers in the writing
 * transaction and announced by NOTIFY on a channel of the table's name. One reader follows the
 * table by cursor, woken by NOTIFY, by a reconnect and by a slow poll (the safety net for a lost
 * notification), and hands every event, in cursor order, to every live subscriber. A subscriber
 * that asks for events after a cursor is first replayed from the table and then joins the live
 * stream; the seam is found by cursor, so there is neither a gap nor a duplicate.
 */
public abstract class EventTable<E> implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventTable.class);

	private static final int PAGE = 500;

	private final DatabaseClient db;

	private final PostgresNotifications notifications;

	private final String table;

	private final Function<Readable, E> mapper;

	private final ToLongFunction<E> id;

	private final Function<E, OffsetDateTime> occurredAt;

	private final Duration poll;

	private final int subscriberBuffer;

	/**
	 * Completed when this instance stops, which ends every live stream; new ones are made when it
	 * starts again (a context can be stopped and restarted, as the test framework does with the
	 * contexts it caches).
	 */
	private final LiveStreams<E> live = new LiveStreams<>();

	private volatile boolean stopped;

	private final Sinks.One<Long> started = Sinks.one();

	/** The cursor of the last event handed to live subscribers. */
	private final AtomicLong position = new AtomicLong(-1);

	private volatile Disposable reader;

	/** From an event's time in the database to its hand-over to this instance's subscribers. */
	private final Timer lag;

	private final Counter fellBehind;

	/** {@code table} names the table and its NOTIFY channel; {@code id} is an event's cursor. */
	protected EventTable(DatabaseClient db, PostgresNotifications notifications, MeterRegistry meters, String table,
			Function<Readable, E> mapper, ToLongFunction<E> id, Function<E, OffsetDateTime> occurredAt, Duration poll,
			int subscriberBuffer) {
		this.db = db;
		this.notifications = notifications;
		this.table = table;
		this.mapper = mapper;
		this.id = id;
		this.occurredAt = occurredAt;
		this.poll = poll;
		this.subscriberBuffer = subscriberBuffer;
		this.lag = Timer.builder("junheng.live.lag")
			.description("From an event's commit to its hand-over to this instance's subscribers")
			.tag("table", table)
			.register(meters);
		this.fellBehind = Counter.builder("junheng.live.fell.behind")
			.description("Subscriptions ended with FELL_BEHIND because they left too many events unread")
			.tag("table", table)
			.register(meters);
	}

	/**
	 * Events matching the filter: those after {@code after} first, from the table, then live ones;
	 * with no cursor, live ones from now. A subscriber that leaves more than its buffer unread
	 * gets a {@link FellBehindException} naming the last cursor it was sent.
	 */
	public Flux<E> subscribe(Predicate<E> filter, String filterSql, Object filterValue, Long after) {
		return this.started.asMono().flatMapMany((ignored) -> {
			// Without a cursor the start is the position now; it still goes through the table,
			// because an event may be handed out between reading the position and joining.
			long start = (after != null) ? after : this.position.get();
			// The last event handed on to the GraphQL engine. Every event handed on goes out before
			// the FELL_BEHIND error does (LiveExecution holds a stream's error back
			// until the events it started are sent), so this is the last cursor the client receives.
			AtomicLong seen = new AtomicLong(start);
			// On the subscriber's connection's event loop, where it has one (see LiveStreams).
			Flux<E> liveEvents = Flux.deferContextual((context) -> this.live.on(ConnectionLoop.in(context)))
				.filter(filter)
				.onBackpressureBuffer(this.subscriberBuffer, BufferOverflowStrategy.ERROR);
			// One event at a time from each: the live buffer above is the subscriber's only queue,
			// and an idle subscriber holds no prefetched room.
			// The replay is assembled when subscribed: the merge holds its sources for the
			// subscription's whole life, and an assembled replay holds its statements.
			Flux<E> replayed = Flux.defer(() -> replay(filterSql, filterValue, start)).filter(filter);
			return Flux.mergeSequential(1, replayed, liveEvents)
				// One operator for both (it runs for every subscriber and event): skip what was
				// already handed on (the replay and the live stream overlap), note what is. A
				// filter, not a handle: Reactor restores the context's ThreadLocals (security,
				// observation) around every handle call, 14% of the fan-out's CPU.
				.filter((event) -> {
					long id = this.id.applyAsLong(event);
					if (id <= seen.get()) {
						return false;
					}
					seen.set(id);
					return true;
				})
				.onErrorMap(Exceptions::isOverflow, (overflow) -> {
					this.fellBehind.increment();
					return new FellBehindException(Long.toString(seen.get()));
				});
		});
	}

	/**
	 * What a subscription follows once its checks (the plan or region it names, the caller's
	 * scope) are answered. The checks' statements are let go then: a flat-map keeps its source
	 * to be able to cancel it, which held them for the subscription's whole life (1.5 KB an idle
	 * subscriber).
	 */
	public static <T, R> Flux<R> afterChecks(Mono<T> checks, Function<? super T, ? extends Publisher<? extends R>> follow) {
		return checks.onTerminateDetach().flatMapMany(follow);
	}

	/**
	 * Live events only, for readers that recompute something on change: a burst collapses into
	 * the latest event, so a slow reader never falls behind.
	 */
	public Flux<E> live(Predicate<E> filter) {
		return Flux.defer(() -> this.live.on(null)).filter(filter).onBackpressureLatest();
	}

	/** How many live subscribers follow each event loop's stream, and (under null) the reader's. */
	Map<Executor, Integer> followers() {
		return this.live.followers();
	}

	/** The cursor of the newest committed event, read from the table (this instance may lag). */
	public Mono<Long> newest() {
		return this.db.sql("select coalesce(max(id), 0) from " + this.table).map((row) -> row.get(0, Long.class)).one();
	}

	/** Completes when this instance stops, so that endless streams built on events end with it. */
	public Mono<Void> stopping() {
		return Mono.defer(() -> this.live.on(null).then());
	}

	/** Events after a cursor, from the table, a page at a time, matching the SQL filter. */
	public Flux<E> replay(String filterSql, Object filterValue, long after) {
		return page(filterSql, filterValue, after)
			.expand((events) -> (events.size() < PAGE) ? Mono.empty()
					: page(filterSql, filterValue, this.id.applyAsLong(events.get(events.size() - 1))))
			.concatMapIterable((events) -> events);
	}

	private Mono<List<E>> page(String filterSql, Object filterValue, long after) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("select * from " + this.table + " where id > :after" + ((filterSql != null) ? " and " + filterSql : "")
					+ " order by id limit " + PAGE)
			.bind("after", after);
		return ((filterSql != null) ? spec.bind("filter", filterValue) : spec).map(this.mapper::apply).all().collectList();
	}

	/** Hands every event after the current position to live subscribers, in order. */
	private Mono<Void> catchUp() {
		return replay(null, null, this.position.get())
			.doOnNext((event) -> {
				this.position.set(this.id.applyAsLong(event));
				this.lag.record(Duration.between(this.occurredAt.apply(event).toInstant(), Instant.now()));
				this.live.hand(event);
			})
			.then();
	}

	@Override
	public void start() {
		if (this.stopped) {
			this.live.renew();
			this.stopped = false;
		}
		this.reader = newest()
			.doOnNext((last) -> {
				this.position.set(last);
				this.started.tryEmitValue(last);
			})
			.thenMany(Flux.merge(this.notifications.listen(this.table), Flux.interval(this.poll, this.poll)))
			.onBackpressureLatest()
			.concatMap((wakeUp) -> catchUp().onErrorResume((ex) -> {
				logger.warn("Could not read " + this.table + "; trying again at the next wake-up: " + ex.getMessage());
				return Mono.empty();
			}), 1)
			.retry()
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.reader;
		if (current != null) {
			current.dispose();
		}
		this.stopped = true;
		this.live.complete();
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.reader;
		return current != null && !current.isDisposed();
	}

}
