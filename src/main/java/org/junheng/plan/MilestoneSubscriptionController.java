package org.junheng.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.live.EventCursor;
import org.junheng.live.EventTable;
import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.GlobalId;
import org.junheng.system.InvalidInputException;
import org.junheng.system.NotFoundException;
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

	private final Access access;

	MilestoneSubscriptionController(MilestoneEvents events, PlanChildren plans, Regions regions, PlanProgress progress,
			Access access, @Value("${junheng.live.progress-refresh:30s}") Duration progressRefresh) {
		this.access = access;
		this.events = events;
		this.plans = plans;
		this.regions = regions;
		this.progress = progress;
		this.progressRefresh = progressRefresh;
	}

	/**
	 * One plan, or every plan of a region and its descendants, or every plan when neither is given;
	 * always within what the caller may read (see {@link Access#publicData}).
	 */
	@SubscriptionMapping
	Flux<MilestoneEvent> milestoneUpdates(@Argument String planId, @Argument String regionCode, @Argument String after,
			GraphQLContext context) {
		return Flux.defer(() -> {
			Long cursor = EventCursor.parse(after);
			Scope scope = this.access.requirePublicData(Caller.of(context), "milestoneUpdates");
			if (planId != null) {
				long plan = GlobalId.key(planId, "Plan", "planId");
				Predicate<MilestoneEvent> ofPlan = (event) -> event.planId() == plan;
				Mono<Predicate<MilestoneEvent>> filter = (regionCode == null) ? Mono.just(ofPlan)
						: this.regions.require(regionCode, "regionCode").map((region) -> ofPlan.and((event) -> event.within(region.path())));
				return EventTable.afterChecks(visible(plan, scope).then(filter),
						(matches) -> this.events.subscribe(matches, "plan_id = :filter", plan, cursor));
			}
			Mono<String> path = (regionCode != null) ? this.regions.require(regionCode, "regionCode").map(Region::path)
					: Mono.empty();
			// The region asked for, narrowed to the caller's: whichever of the two lies inside the other.
			Mono<String> within = path.flatMap((asked) -> this.access.path(scope).defaultIfEmpty(asked).flatMap((allowed) -> {
				if (MilestoneEvent.within(asked, allowed)) {
					return Mono.just(asked);
				}
				return MilestoneEvent.within(allowed, asked) ? Mono.just(allowed)
						: Mono.error(Caller.of(context).forbidden("regionCode", "action.followOutside"));
			})).switchIfEmpty(this.access.path(scope));
			return EventTable.afterChecks(within.map(Optional::of).defaultIfEmpty(Optional.empty()), (narrowed) -> narrowed.isEmpty()
					? this.events.subscribe((event) -> true, null, null, cursor)
					: this.events.subscribe((event) -> event.within(narrowed.get()),
							"(region_path = :filter or region_path like :filter || '/%')", narrowed.get(), cursor));
		});
	}

	/** The plan, or NOT_FOUND also when it lies outside the caller's scope. */
	private Mono<Plan> visible(long plan, Scope scope) {
		return this.plans.require(plan, "planId")
			.flatMap((found) -> this.access.keepRegion(scope, found, ":key", found.regionCode()))
			.switchIfEmpty(NotFoundException.error("planId", "notFound.plan"));
	}

	@QueryMapping
	Mono<String> milestoneEventsCursor() {
		return this.events.newest().map(String::valueOf);
	}

	/** The plan's summary now, then again whenever one of its milestones changes or its targets move. */
	@SubscriptionMapping
	Flux<PlanProgress.Summary> planProgress(@Argument String planId, GraphQLContext context) {
		long plan = GlobalId.key(planId, "Plan", "planId");
		Scope scope = this.access.requirePublicData(Caller.of(context), "planProgress");
		Flux<Object> changes = Flux.merge(Flux.just(plan), this.events.live((event) -> event.planId() == plan),
				Flux.interval(this.progressRefresh)).takeUntilOther(this.events.stopping());
		return visible(plan, scope)
			.thenMany(changes.onBackpressureLatest().concatMap((change) -> this.progress.of(plan), 1))
			.distinctUntilChanged();
	}

	@SchemaMapping(typeName = "PlanProgress")
	Mono<Plan> plan(PlanProgress.Summary summary) {
		return this.plans.require(summary.planId(), "planId");
	}

}
