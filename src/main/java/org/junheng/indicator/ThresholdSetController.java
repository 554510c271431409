package org.junheng.indicator;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.InvalidInputException;
import org.junheng.system.NotFoundException;
import org.junheng.system.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Threshold sets of provinces and cities: each overrides single national values with a source
 * and inherits the rest from the set of its nearest ancestor region (or the national set).
 */
@Controller
class ThresholdSetController {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

	private static final String SELECT = "select s.*, p.code as parent_code from threshold_set s"
			+ " left join threshold_set p on p.id = s.parent_id";

	private final DatabaseClient db;

	private final Regions regions;

	private final TransactionalOperator transaction;

	private final Access access;

	ThresholdSetController(DatabaseClient db, Regions regions, TransactionalOperator transaction, Access access) {
		this.access = access;
		this.db = db;
		this.regions = regions;
		this.transaction = transaction;
	}

	record ThresholdSet(long id, String code, String name, String regionCode, String source, String parent, int version) {

		static ThresholdSet from(Readable row) {
			return new ThresholdSet(row.get("id", Long.class), row.get("code", String.class), row.get("name", String.class),
					row.get("region_code", String.class), row.get("source", String.class), row.get("parent_code", String.class),
					row.get("version", Integer.class));
		}

	}

	record ThresholdOverride(String indicatorCode, String stage, double value, String source) {
	}

	record CreateThresholdSetInput(String code, String name, String regionCode, String source) {
	}

	record SetThresholdInput(String thresholdSet, Integer version, String indicatorCode, String stage, Double value,
			String source) {
	}

	@QueryMapping
	Flux<ThresholdSet> thresholdSets(GraphQLContext context) {
		// Standards, not data about anyone: every set is listed to whoever may read region-level data.
		this.access.requirePublicData(Caller.of(context), "thresholdSets");
		return this.db.sql(SELECT + " order by s.id").map(ThresholdSet::from).all();
	}

	@BatchMapping
	Mono<Map<ThresholdSet, Region>> region(List<ThresholdSet> sets) {
		return this.regions.byCodes(sets.stream().map(ThresholdSet::regionCode).filter((c) -> c != null).toList())
			.map((byCode) -> Batches.joined(sets, ThresholdSet::regionCode, byCode));
	}

	@BatchMapping
	Mono<Map<ThresholdSet, List<ThresholdOverride>>> values(List<ThresholdSet> sets) {
		return this.db.sql("select * from threshold_value where threshold_set_id = any(:ids) order by indicator_code, stage")
			.bind("ids", sets.stream().map(ThresholdSet::id).toArray(Long[]::new))
			.map((row) -> Map.entry(row.get("threshold_set_id", Long.class), new ThresholdOverride(row.get("indicator_code", String.class),
					row.get("stage", String.class), row.get("value", java.math.BigDecimal.class).doubleValue(), row.get("source", String.class))))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map((bySet) -> Batches.joinedLists(sets, ThresholdSet::id, bySet));
	}

	/** The new set inherits from the set of its region's nearest ancestor that has one, else the national set. */
	@MutationMapping
	Mono<ThresholdSet> createThresholdSet(@Argument CreateThresholdSetInput input, GraphQLContext context) {
		Checks.on("input")
			.require(CODE.matcher(input.code()).matches(), "code", "check.thresholdSetCode")
			.text(input.name(), "name", 200)
			.text(input.source(), "source", 500)
			.require(Regions.isCode(input.regionCode()), "regionCode", "check.regionCode")
			.validate();
		return this.access.requireRegion(Caller.of(context), input.regionCode(), "input.regionCode", "action.createThresholdSets",
				Role.ADMIN)
			.then(this.regions.require(input.regionCode(), "input.regionCode"))
			.flatMap((region) -> {
				if (region.level() == org.junheng.region.RegionLevel.COUNTY) {
					return Mono.error(InvalidInputException.of("input.regionCode", "check.provinceOrCity"));
				}
				return this.db.sql("insert into threshold_set (code, name, region_code, source, parent_id) values"
						+ " (:code, :name, :region, :source, coalesce((select ts.id from threshold_set ts join region x on x.code = ts.region_code"
						+ " join region r on r.code = :region and r.path like x.path || '/%' order by length(x.path) desc limit 1),"
						+ " (select id from threshold_set where parent_id is null order by id limit 1))) returning id")
					.bind("code", input.code()).bind("name", input.name().strip()).bind("region", input.regionCode())
					.bind("source", input.source().strip())
					.map((row) -> row.get("id", Long.class))
					.one();
			})
			.flatMap(this::find);
	}

	/** Overrides one value; the set's version rises, and a stale version is refused. */
	@MutationMapping
	Mono<ThresholdSet> setThreshold(@Argument SetThresholdInput input, GraphQLContext context) {
		Checks.on("input")
			.require(input.value() >= 0, "value", "check.negative")
			.atMost(input.value(), 1e9, "value")
			// A switch, not a measure: anything but 0 or 1 would leave it to a reader to guess.
			.require(!"ROTATION_COUNTS_AT_RECEIVER".equals(input.indicatorCode()) || input.value() == 0 || input.value() == 1,
					"value", "check.zeroOrOne")
			.text(input.source(), "source", 500)
			.validate();
		Mono<ThresholdSet> write = this.db.sql(SELECT + " where s.code = :code").bind("code", input.thresholdSet())
			.map(ThresholdSet::from)
			.one()
			.switchIfEmpty(NotFoundException.error("input.thresholdSet", "notFound.thresholdSet", input.thresholdSet()))
			.flatMap((set) -> {
				if (set.parent() == null) {
					return Mono.error(InvalidInputException.of("input.thresholdSet", "check.nationalSet"));
				}
				ConflictException.check(set.version(), input.version(), "thing.thresholdSet");
				return this.access.requireRegion(Caller.of(context), set.regionCode(), "input.thresholdSet",
						"action.changeThresholdSets", Role.ADMIN).then(this.db.sql("select count(*) from indicator_definition where code = :code").bind("code", input.indicatorCode())
					.map((row) -> row.get(0, Long.class))
					.one()
					.flatMap((known) -> (known == 0)
							? NotFoundException.error("input.indicatorCode", "notFound.indicator", input.indicatorCode())
							: this.db.sql("update threshold_set set version = version + 1 where id = :id and version = :version")
								.bind("id", set.id()).bind("version", input.version())
								.fetch().rowsUpdated())
					.flatMap((updated) -> (updated == 0) ? Mono.error(new ConflictException("input.version", Text.of("conflict.thresholdSet")))
							: this.db.sql("insert into threshold_value (threshold_set_id, indicator_code, stage, value, source)"
									+ " values (:set, :code, :stage, :value, :source) on conflict (threshold_set_id, indicator_code, stage)"
									+ " do update set value = excluded.value, source = excluded.source")
								.bind("set", set.id()).bind("code", input.indicatorCode()).bind("stage", input.stage())
								.bind("value", java.math.BigDecimal.valueOf(input.value())).bind("source", input.source().strip())
								.then())
					.then(find(set.id())));
			});
		return this.transaction.transactional(write);
	}

	private Mono<ThresholdSet> find(long id) {
		return this.db.sql(SELECT + " where s.id = :id").bind("id", id).map(ThresholdSet::from).one();
	}

}
