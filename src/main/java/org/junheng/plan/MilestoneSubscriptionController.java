package org.junheng.plan;

import java.time.Duration;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.region.Regions;
import org.junheng.system.GlobalId;
import org.junheng.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** Live milestones: every change as an event, and each plan's progress as it moves. */
@Controller
class MilestoneSubscriptionController {

	private final MilestoneEvents events;

	private final PlanChildren plans;

	private final Regions regions;

	private final PlanProgress progress;

	private final Duration progressRefresh;

	MilestoneSubscriptionController(MilestoneEvents events, PlanChildren plans, Regions regions, PlanProgress progress,
			@Value("${junheng.live.progress-refresh:30s}") Duration progressRefresh) {
		this.events = events;
		this.plans = plans;
		this.regions = regions;
		this.progress = progress;
		this.progressRefresh = progressRefresh;
	}

	/** One plan, or every plan of a region and its descendants, or every plan when neither is given. */
	@SubscriptionMapping
	Flux<MilestoneEvent> milestoneUpdates(@Argument String planId, @Argument String regionCode, @Argument String after) {
		Long cursor = cursor(after);
		if (planId != null) {
			long plan = GlobalId.key(planId, "Plan", "planId");
			Predicate<MilestoneEvent> ofPlan = (event) -> event.planId() == plan;
			Mono<Predicate<MilestoneEvent>> filter = (regionCode == null) ? Mono.just(ofPlan)
					: this.regions.require(regionCode, "regionCode").map((region) -> ofPlan.and((event) -> event.within(region.path())));
			return this.plans.require(plan, "planId")
				.then(filter)
				.flatMapMany((matches) -> this.events.subscribe(matches, "plan_id = :filter", plan, cursor));
		}
		if (regionCode != null) {
			return this.regions.require(regionCode, "regionCode").flatMapMany((region) -> this.events.subscribe(
					(event) -> event.within(region.path()), "(region_path = :filter or region_path like :filter || '/%')",
					region.path(), cursor));
		}
		return this.events.subscribe((event) -> true, null, null, cursor);
	}

	@QueryMapping
	Mono<String> milestoneEventsCursor() {
		return this.events.newest().map(String::valueOf);
	}

	/** The plan's summary now, then again whenever one of its milestones changes or its targets move. */
	@SubscriptionMapping
	Flux<PlanProgress.Summary> planProgress(@Argument String planId) {
		long plan = GlobalId.key(planId, "Plan", "planId");
		Flux<Object> changes = Flux.merge(Flux.just(plan), this.events.live((event) -> event.planId() == plan),
				Flux.interval(this.progressRefresh)).takeUntilOther(this.events.stopping());
		return this.plans.require(plan, "planId")
			.thenMany(changes.onBackpressureLatest().concatMap((change) -> this.progress.of(plan), 1))
			.distinctUntilChanged();
	}

	@SchemaMapping(typeName = "PlanProgress")
	Mono<Plan> plan(PlanProgress.Summary summary) {
		return this.plans.require(summary.planId(), "planId");
	}

	private static Long cursor(String after) {
		if (after == null) {
			return null;
		}
		try {
			long value = Long.parseLong(after);
			if (value >= 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw InvalidInputException.of("after", "is not a cursor of this server");
	}

}
