package org.junheng.region;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.security.Scope;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.Connection;
import org.junheng.system.InvalidInputException;
import org.junheng.system.Keyset;
import org.junheng.system.NodeResolver;
import org.junheng.system.NotFoundException;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.junheng.system.Text;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RegionController implements NodeResolver {

	static final Pattern CODE = Pattern.compile("[1-9][0-9]{5}");

	private final RegionRepository repository;

	private final R2dbcEntityTemplate template;

	private final Keyset keyset;

	private final Regions regions;

	private final Access access;

	RegionController(RegionRepository repository, R2dbcEntityTemplate template, Keyset keyset, Regions regions,
			Access access) {
		this.repository = repository;
		this.template = template;
		this.keyset = keyset;
		this.regions = regions;
		this.access = access;
	}

	record RegionFilter(String within, String parentCode, RegionLevel level, String name) {
	}

	enum RegionOrderField {

		CODE, NAME

	}

	private static final Map<RegionOrderField, Keyset.Column> ORDER_COLUMNS = Map.of(
			RegionOrderField.CODE, new Keyset.Column("r.code"),
			RegionOrderField.NAME, new Keyset.Column("r.name"));

	record RegionOrder(RegionOrderField field, String direction) {
	}

	record CreateRegionInput(String code, String name, RegionLevel level, String parentCode) {
	}

	record UpdateRegionInput(String code, Integer version, String name) {
	}

	@QueryMapping
	Mono<Connection<Region>> regions(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument RegionFilter filter, @Argument RegionOrder orderBy, DataFetchingFieldSelectionSet selection,
			GraphQLContext context) {
		PageRequest page = PageRequest.of(first, after, last, before);
		SqlWhere where = this.access.requirePublicData(Caller.of(context), "regions").onRegion(new SqlWhere(), "r.code");
		if (filter != null) {
			where.and(Regions.withinCondition("r.code", "within"), "within", filter.within())
				.and("r.parent_code = :parent", "parent", filter.parentCode())
				.and("r.level = :level", "level", (filter.level() != null) ? filter.level().name() : null)
				.containing("r.name", "name", filter.name());
		}
		Keyset.Sort sort = (orderBy != null) ? Keyset.sort("region", orderBy.field(), ORDER_COLUMNS, orderBy.direction(), "code")
				: Keyset.sort("region", RegionOrderField.CODE, ORDER_COLUMNS, "ASC", "code");
		return this.keyset.page("region r", "r", where, sort, page, selection, Region::from);
	}

	@QueryMapping
	Mono<Region> region(@Argument String code, GraphQLContext context) {
		Scope scope = this.access.requirePublicData(Caller.of(context), "region");
		return this.repository.findById(code).flatMap((region) -> this.access.keepRegion(scope, region, ":key", code));
	}

	@BatchMapping
	Mono<Map<Region, Region>> parent(List<Region> regions) {
		List<String> parents = regions.stream().map(Region::parentCode).filter(Objects::nonNull).distinct().toList();
		return this.regions.byCodes(parents)
			.map((byCode) -> Batches.joined(regions, Region::parentCode, byCode));
	}

	@BatchMapping
	Mono<Map<Region, List<Region>>> children(List<Region> regions) {
		return this.repository.findByParentCodeInOrderByCode(regions.stream().map(Region::code).toList())
			.collectMultimap(Region::parentCode)
			.map((byParent) -> Batches.joinedLists(regions, (r) -> r.code(), byParent));
	}

	@MutationMapping
	Mono<Region> createRegion(@Argument CreateRegionInput input, GraphQLContext context) {
		Checks.on("input")
			.require(CODE.matcher(input.code()).matches(), "code", "check.regionCode")
			.text(input.name(), "name", 100)
			.require(input.level() == RegionLevel.PROVINCE || input.parentCode() != null, "parentCode",
					"check.parentRequired")
			.require(input.level() != RegionLevel.PROVINCE || input.parentCode() == null, "parentCode",
					"check.parentEmpty")
			.validate();
		Mono<Region> region = (input.parentCode() == null) ? Mono.just(Region.root(input.code(), input.name()))
				: this.repository.findById(input.parentCode())
					.switchIfEmpty(NotFoundException.error("input.parentCode", "notFound.region", input.parentCode()))
					.map((parent) -> {
						if (parent.level().childLevel() != input.level()) {
							throw InvalidInputException.of("input.level",
									"check.levelBelowParent", Text.of("level." + parent.level()));
						}
						return parent.child(input.code(), input.name());
					});
		// A region goes under one the caller administers; a province only from a national ADMIN.
		return this.access.requireRegion(Caller.of(context), input.parentCode(), "input.parentCode", "action.createRegions", Role.ADMIN)
			.then(region)
			.flatMap(this.template::insert);
	}

	@MutationMapping
	Mono<Region> updateRegion(@Argument UpdateRegionInput input, GraphQLContext context) {
		Checks.on("input").text(input.name(), "name", 100).validate();
		return this.access.requireRegion(Caller.of(context), input.code(), "input.code", "action.changeRegions", Role.ADMIN)
			.then(this.repository.findById(input.code()))
			.switchIfEmpty(NotFoundException.error("input.code", "notFound.region", input.code()))
			.flatMap((region) -> {
				ConflictException.check(region.version(), input.version(), "thing.region");
				return this.template.update((input.name() != null) ? region.withName(input.name()) : region);
			});
	}

	@Override
	public String type() {
		return "Region";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Region) node).code();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.publicData(Caller.of(context));
		return this.repository.findById(key).flatMap((region) -> this.access.keepRegion(scope, region, ":key", key));
	}

}
