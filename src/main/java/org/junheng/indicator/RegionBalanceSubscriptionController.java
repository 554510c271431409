package org.junheng.indicator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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

	/** The shared balance changes of each region and school year someone follows on this instance. */
	private final Map<String, Flux<Change>> shared = new ConcurrentHashMap<>();

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
			return EventTable.afterChecks(this.regions.require(regionCode, "regionCode")
				.flatMap((region) -> this.access.keepRegion(scope, region, ":key", region.code()))
				.switchIfEmpty(NotFoundException.error("regionCode", "notFound.region", regionCode)),
					(region) -> follow(region, schoolYear, cursor));
		});
	}

	private Flux<Change> follow(Region region, int schoolYear, Long after) {
		Mono<Long> first = (after == null) ? Mono.just(0L)
				: this.events.replay(null, null, after).filter((event) -> event.affects(region.path(), schoolYear)).next()
					.map(FiguresEvent::id);
		// Changes newer than one already sent only: the subscriber's first balance and the shared
		// ones are computed apart and may finish in either order.
		AtomicLong sent = new AtomicLong(-1);
		// The shared changes are joined before the first balance is read, so that none falls between.
		return Flux.merge(shared(region, schoolYear).onBackpressureLatest(), first.flatMap((ignored) -> balance(region, schoolYear)))
			.filter((change) -> Long.parseLong(change.cursor()) >= sent.get())
			.doOnNext((change) -> sent.set(Long.parseLong(change.cursor())))
			.takeUntilOther(this.events.stopping());
	}

	/**
	 * The region's balance after each burst of changes, computed once for all its subscribers on
	 * this instance (a county's wall screens, its phones): the computation runs while anyone
	 * follows the region and year, and stops with the last of them.
	 */
	private Flux<Change> shared(Region region, int schoolYear) {
		String key = region.code() + "/" + schoolYear;
		return Flux.defer(() -> this.shared.computeIfAbsent(key, (absent) -> {
			AtomicReference<Flux<Change>> self = new AtomicReference<>();
			Flux<Change> changes = this.events.live((event) -> event.affects(region.path(), schoolYear))
				.bufferTimeout(Integer.MAX_VALUE, this.coalesce)
				.onBackpressureLatest()
				.concatMap((burst) -> balance(region, schoolYear), 1)
				.doFinally((signal) -> this.shared.remove(key, self.get()))
				.publish()
				.refCount(1);
			self.set(changes);
			return changes;
		}));
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
