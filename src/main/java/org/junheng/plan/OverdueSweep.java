package org.junheng.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A milestone whose due date has passed (in the bureau's time zone) without being achieved
 * becomes OVERDUE. Every instance sweeps, but the change is one conditional UPDATE: a second
 * instance sweeping at the same moment waits on the row, finds it no longer open and leaves it,
 * so each milestone turns overdue, and gets its OVERDUE event, exactly once.
 */
@Component
class OverdueSweep implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OverdueSweep.class);

	private final DatabaseClient db;

	private final Clock clock;

	private final Duration every;

	private volatile Disposable sweeping;

	OverdueSweep(DatabaseClient db, Clock clock, @Value("${junheng.live.overdue-sweep:1m}") Duration every) {
		this.db = db;
		this.clock = clock;
		this.every = every;
	}

	/** Marks every open milestone due before today as overdue; emits how many. */
	Mono<Long> sweep() {
		return this.db.sql("update milestone set status = 'OVERDUE', updated_at = now(), version = version + 1"
				+ " where due_on < :today and status in ('PLANNED', 'IN_PROGRESS')")
			.bind("today", LocalDate.now(this.clock))
			.fetch()
			.rowsUpdated();
	}

	@Override
	public void start() {
		this.sweeping = Flux.interval(Duration.ZERO, this.every)
			.onBackpressureDrop()
			.concatMap((tick) -> sweep().onErrorResume((ex) -> {
				logger.warn("Could not look for overdue milestones: " + ex.getMessage());
				return Mono.empty();
			}), 1)
			.subscribe((count) -> {
				if (count > 0) {
					logger.info(count + " milestones became overdue");
				}
			});
	}

	@Override
	public void stop() {
		Disposable current = this.sweeping;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.sweeping;
		return current != null && !current.isDisposed();
	}

}
