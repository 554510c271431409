package org.junheng.plan;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.region.Region;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.region.Regions;
import org.junheng.system.Batches;
import org.junheng.system.Connection;
import org.junheng.system.Keyset;
import org.junheng.system.NodeResolver;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PlanController implements NodeResolver {

	private final PlanRepository repository;

	private final PlanChildren children;

	private final Regions regions;

	private final R2dbcEntityTemplate template;

	private final Keyset keyset;

	private final Access access;

	PlanController(PlanRepository repository, PlanChildren children, Regions regions, R2dbcEntityTemplate template,
			Keyset keyset, Access access) {
		this.access = access;
		this.repository = repository;
		this.children = children;
		this.regions = regions;
		this.template = template;
		this.keyset = keyset;
	}

	record PlanFilter(String regionCode, List<PlanStatus> status, Integer year, String title) {
	}

	enum PlanOrderField {

		START_YEAR, TITLE, CREATED

	}

	private static final Map<PlanOrderField, Keyset.Column> ORDER_COLUMNS = Map.of(
			PlanOrderField.START_YEAR, new Keyset.Column("p.start_year"),
			PlanOrderField.TITLE, new Keyset.Column("p.title"),
			PlanOrderField.CREATED, new Keyset.Column("p.id"));

	record PlanOrder(PlanOrderField field, String direction) {
	}

	@QueryMapping
	Mono<Connection<Plan>> plans(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument PlanFilter filter, @Argument PlanOrder orderBy, DataFetchingFieldSelectionSet selection,
			GraphQLContext context) {
		SqlWhere where = this.access.requirePublicData(Caller.of(context), "plans").onRegion(new SqlWhere(), "p.region_code");
		if (filter != null) {
			where.and(Regions.withinCondition("p.region_code", "region"), "region", filter.regionCode())
				.and("p.status = any(:statuses)", "statuses", SqlWhere.names(filter.status()))
				.and(":year between p.start_year and p.end_year", "year", filter.year())
				.containing("p.title", "title", filter.title());
		}
		Keyset.Sort sort = (orderBy != null) ? Keyset.sort("plan", orderBy.field(), ORDER_COLUMNS, orderBy.direction())
				: Keyset.sort("plan", PlanOrderField.START_YEAR, ORDER_COLUMNS, "DESC");
		return this.keyset.page("plan p", "p", where, sort, PageRequest.of(first, after, last, before), selection,
				Plan::from);
	}

	@QueryMapping
	Mono<Plan> plan(@Argument String id, GraphQLContext context) {
		SqlWhere where = PlanReads.byId(this.access, Caller.of(context), id, "p");
		return where.bind(this.template.getDatabaseClient().sql("select p.* from plan p where " + where.sql()))
			.map(Plan::from)
			.one();
	}

	@BatchMapping
	Mono<Map<Plan, Region>> region(List<Plan> plans) {
		return this.regions.byCodes(plans.stream().map(Plan::regionCode).toList())
			.map((byCode) -> Batches.joined(plans, (plan) -> plan.regionCode(), byCode));
	}

	@BatchMapping
	Mono<Map<Plan, List<Goal>>> goals(List<Plan> plans) {
		return perPlan(plans, this.children.byPlan(ids(plans), Goal::from, "plan_goal", "position", Goal::planId));
	}

	@BatchMapping
	Mono<Map<Plan, List<PlanTask>>> tasks(List<Plan> plans) {
		return perPlan(plans, this.children.byPlan(ids(plans), PlanTask::from, "plan_task", "position", PlanTask::planId));
	}

	@BatchMapping
	Mono<Map<Plan, List<Target>>> targets(List<Plan> plans) {
		return perPlan(plans, this.children.byPlan(ids(plans), Target::from, "target", PlanReads.TARGET_ORDER, Target::planId));
	}

	@BatchMapping(typeName = "Region")
	Mono<Map<Region, List<Plan>>> plans(List<Region> regions) {
		return this.template.getDatabaseClient()
			.sql("select * from plan where region_code = any(:codes) order by start_year desc, id desc")
			.bind("codes", regions.stream().map(Region::code).distinct().toArray(String[]::new))
			.map(Plan::from)
			.all()
			.collectMultimap(Plan::regionCode)
			.map((byRegion) -> Batches.joinedLists(regions, (region) -> region.code(), byRegion));
	}

	private static <T> Mono<Map<Plan, List<T>>> perPlan(List<Plan> plans, Mono<Map<Long, List<T>>> byPlan) {
		return byPlan.map((lists) -> Batches.joined(plans, (plan) -> plan.id(), lists));
	}

	private static List<Long> ids(List<Plan> plans) {
		return plans.stream().map(Plan::id).toList();
	}

	@Override
	public String type() {
		return "Plan";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Plan) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.publicData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((plan) -> this.access.keepRegion(scope, plan, ":key", plan.regionCode()));
	}

}
