package org.junheng.indicator;

import java.time.Duration;
import java.util.List;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.live.EventCursor;
import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.Checks;
import org.junheng.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code regionBalanceChanged}: a region's balance again after each change to its base figures,
 * read from the durable figures events. A balance is state, not a delta, so resuming needs only
 * to know whether anything changed since the cursor; and a burst of changes is one event.
 */
@Controller
class RegionBalanceSubscriptionController {

	private final FiguresEvents events;

	private final RegionBalances balances;

	private final Regions regions;

	private final Access access;

	private final Duration coalesce;

	RegionBalanceSubscriptionController(FiguresEvents events, RegionBalances balances, Regions regions, Access access,
			@Value("${junheng.live.balance-coalesce:300ms}") Duration coalesce) {
		this.events = events;
		this.balances = balances;
		this.regions = regions;
		this.access = access;
		this.coalesce = coalesce;
	}

	record Change(String cursor, Region region, int schoolYear, List<Views.RegionBalance> balances) {
	}

	@SubscriptionMapping
	Flux<Change> regionBalanceChanged(@Argument String regionCode, @Argument int schoolYear, @Argument String after,
			GraphQLContext context) {
		return Flux.defer(() -> {
			Checks.arguments().schoolYear(schoolYear, "schoolYear").validate();
			Long cursor = EventCursor.parse(after);
			Scope scope = this.access.requirePublicData(Caller.of(context), "regionBalanceChanged");
			return this.regions.require(regionCode, "regionCode")
				.flatMap((region) -> this.access.keepRegion(scope, region, ":key", region.code()))
				.switchIfEmpty(NotFoundException.error("regionCode", "notFound.region", regionCode))
				.flatMapMany((region) -> follow(region, schoolYear, cursor));
		});
	}

	private Flux<Change> follow(Region region, int schoolYear, Long after) {
		// Joined before the first balance is read, so that no change falls between the two.
		Flux<Long> changes = this.events.live((event) -> event.affects(region.path(), schoolYear))
			.bufferTimeout(Integer.MAX_VALUE, this.coalesce)
			.map((burst) -> burst.get(burst.size() - 1).id());
		Mono<Long> first = (after == null) ? Mono.just(0L)
				: this.events.replay(null, null, after).filter((event) -> event.affects(region.path(), schoolYear)).next()
					.map(FiguresEvent::id);
		return Flux.merge(changes, first)
			.onBackpressureLatest()
			.concatMap((change) -> balance(region, schoolYear), 1)
			.takeUntilOther(this.events.stopping());
	}

	/**
	 * The balance now, with the newest cursor read before it: whatever committed after the cursor
	 * is either in this balance or brings another event, so a client resuming from it misses nothing.
	 */
	private Mono<Change> balance(Region region, int schoolYear) {
		return this.events.newest().flatMap((cursor) -> this.balances
			.of(List.of(key(region, schoolYear, Segment.PRIMARY), key(region, schoolYear, Segment.JUNIOR)))
			.map((byKey) -> new Change(String.valueOf(cursor), region, schoolYear,
					List.of(byKey.get(key(region, schoolYear, Segment.PRIMARY)), byKey.get(key(region, schoolYear, Segment.JUNIOR))))));
	}

	private static RegionBalances.Key key(Region region, int schoolYear, Segment stage) {
		return new RegionBalances.Key(region.code(), region.path(), schoolYear, stage);
	}

}
