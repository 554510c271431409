package org.junheng.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.junheng.system.BaseFiguresChanged;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A milestone tied to a target is achieved on its own, with the date, once its target is met. It
 * looks after every write that can move a target (the target itself, or base figures), and the
 * update is conditional on the milestone still being open, so it happens once however many
 * instances look at the same time.
 */
@Component
class MilestoneAutoAchiever {

	private static final Log logger = LogFactory.getLog(MilestoneAutoAchiever.class);

	private final DatabaseClient db;

	private final TargetProgress progress;

	private final Clock clock;

	MilestoneAutoAchiever(DatabaseClient db, TargetProgress progress, Clock clock) {
		this.db = db;
		this.progress = progress;
		this.clock = clock;
	}

	/** Achieves every open milestone whose target is met; emits how many it achieved. */
	Mono<Integer> achieveMet() {
		return this.db.sql("select distinct t.* from target t join milestone m on m.target_id = t.id"
				+ " where m.status not in ('ACHIEVED', 'CANCELLED')")
			.map(Target::from)
			.all()
			.collectList()
			.flatMap((targets) -> targets.isEmpty() ? Mono.just(Map.<Target, TargetProgress.Progress>of()) : this.progress.of(targets))
			.flatMap((progressByTarget) -> {
				List<Long> met = progressByTarget.entrySet().stream()
					.filter((entry) -> Boolean.TRUE.equals(entry.getValue().met()))
					.map((entry) -> entry.getKey().id())
					.toList();
				if (met.isEmpty()) {
					return Mono.just(0);
				}
				return this.db.sql("update milestone set status = 'ACHIEVED', progress = 100, achieved_on = :today,"
						+ " updated_at = now(), version = version + 1"
						+ " where target_id = any(:targets) and status not in ('ACHIEVED', 'CANCELLED')")
					.bind("targets", met.toArray(Long[]::new))
					.bind("today", LocalDate.now(this.clock))
					.fetch()
					.rowsUpdated()
					.map(Long::intValue);
			});
	}

	@EventListener
	void on(BaseFiguresChanged change) {
		achieveMet().subscribe((count) -> {
			if (count > 0) {
				logger.info(count + " milestones achieved after " + change.what());
			}
		}, (error) -> logger.warn("Could not check milestone targets after " + change.what(), error));
	}

}
