package org.junheng.plan;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Where a plan stands: its milestones by status, their overall progress and its targets met. */
@Component
class PlanProgress {

	private final DatabaseClient db;

	private final TargetProgress targets;

	PlanProgress(DatabaseClient db, TargetProgress targets) {
		this.db = db;
		this.targets = targets;
	}

	record StatusCount(MilestoneStatus status, int count) {
	}

	/**
	 * A cancelled milestone is out of the plan, so it weighs nothing; every other counts equally,
	 * an achieved one at 100.
	 */
	record Summary(long planId, List<StatusCount> milestonesByStatus, int milestones, double weightedProgress,
			int targets, int targetsMet) {
	}

	Mono<Summary> of(long planId) {
		Mono<Map<String, long[]>> byStatus = this.db
			.sql("select status, count(*) as n, sum(progress) as total from milestone where plan_id = :plan group by status")
			.bind("plan", planId)
			.map((row) -> Map.entry(row.get("status", String.class),
					new long[] { row.get("n", Long.class), row.get("total", Number.class).longValue() }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<int[]> targetCounts = this.db.sql("select * from target where plan_id = :plan order by id")
			.bind("plan", planId)
			.map(Target::from)
			.all()
			.collectList()
			.flatMap((list) -> list.isEmpty() ? Mono.just(new int[2]) : this.targets.of(list)
				.map((progress) -> new int[] { list.size(),
						(int) progress.values().stream().filter((p) -> Boolean.TRUE.equals(p.met())).count() }));
		return Mono.zip(byStatus, targetCounts).map((both) -> {
			Map<String, long[]> counts = both.getT1();
			long counted = 0;
			long progress = 0;
			int total = 0;
			List<StatusCount> statuses = new java.util.ArrayList<>();
			for (MilestoneStatus status : MilestoneStatus.values()) {
				long[] figures = counts.getOrDefault(status.name(), new long[2]);
				statuses.add(new StatusCount(status, (int) figures[0]));
				total += (int) figures[0];
				if (status != MilestoneStatus.CANCELLED) {
					counted += figures[0];
					progress += figures[1];
				}
			}
			double weighted = (counted == 0) ? 0 : Math.round(progress * 10.0 / counted) / 10.0;
			return new Summary(planId, statuses, total, weighted, both.getT2()[0], both.getT2()[1]);
		});
	}

}
