package org.junheng.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.system.Batches;
import org.junheng.system.NotFoundException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Component;

/** The goals, tasks, milestones and targets of many plans, one statement per kind. */
@Component
class PlanChildren {

	private final R2dbcEntityTemplate template;

	private final PlanRepository plans;

	private final Access access;

	PlanChildren(R2dbcEntityTemplate template, PlanRepository plans, Access access) {
		this.access = access;
		this.template = template;
		this.plans = plans;
	}

	/** Rows of {@code table} for each plan, in {@code order}; plans without any get an empty list. */
	<T> Mono<Map<Long, List<T>>> byPlan(Collection<Long> planIds, Function<Readable, T> mapper, String table, String order,
			Function<T, Long> planId) {
		return this.template.getDatabaseClient()
			.sql("select * from " + table + " where plan_id = any(:ids) order by plan_id, " + order)
			.bind("ids", planIds.stream().distinct().toArray(Long[]::new))
			.map(mapper::apply)
			.all()
			.collectMultimap(planId)
			.map((byPlan) -> planIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
					(id) -> List.copyOf(byPlan.getOrDefault(id, List.of())))));
	}

	/** For the parent of a child object: maps each child to its plan. */
	<C> Mono<Map<C, Plan>> plansOf(List<C> children, Function<C, Long> planId) {
		return this.template.getDatabaseClient().sql("select * from plan where id = any(:ids)")
			.bind("ids", children.stream().map(planId).distinct().toArray(Long[]::new))
			.map(Plan::from)
			.all()
			.collectMap(Plan::id)
			.map((byId) -> Batches.joined(children, planId, byId));
	}

	Mono<Plan> require(long id, String field) {
		return this.plans.findById(id).switchIfEmpty(NotFoundException.error(field, "notFound.plan"));
	}

	/** The plan, when the caller may change it and what belongs to it: ADMIN or PLANNER of its region. */
	Mono<Plan> writable(long id, String field, GraphQLContext context) {
		return this.plans.findById(id).switchIfEmpty(Access.unreachable(field, "action.changePlans")).flatMap((plan) -> writable(plan, field, context).thenReturn(plan));
	}

	Mono<Void> writable(Plan plan, String field, GraphQLContext context) {
		return this.access.requireRegion(Caller.of(context), plan.regionCode(), field, "action.changePlans", Role.ADMIN, Role.PLANNER);
	}

}
