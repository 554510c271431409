package org.junheng.plan;

import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.NodeResolver;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** A plan's key tasks (重点任务), added and changed one by one. */
@Controller
class PlanTaskController implements NodeResolver {

	private final R2dbcEntityTemplate template;

	private final PlanChildren children;

	private final Access access;

	PlanTaskController(Access access, R2dbcEntityTemplate template, PlanChildren children) {
		this.access = access;
		this.template = template;
		this.children = children;
	}

	record AddTaskInput(String planId, String title, String description, List<String> responsibleUnits) {
	}

	record UpdateTaskInput(String id, Integer version, String title, String description, List<String> responsibleUnits) {
	}

	@BatchMapping
	Mono<Map<PlanTask, Plan>> plan(List<PlanTask> tasks) {
		return this.children.plansOf(tasks, PlanTask::planId);
	}

	/** Goes after the plan's last task; the position is taken in the same statement as the insert. */
	@MutationMapping
	Mono<PlanTask> addTask(@Argument AddTaskInput input, GraphQLContext context) {
		long planId = GlobalId.key(input.planId(), "Plan", "input.planId");
		PlanTask task = new PlanTask(null, planId, 0, strip(input.title()), strip(or(input.description(), "")),
				or(input.responsibleUnits(), List.of()), null);
		task.validate("input");
		return this.children.writable(planId, "input.planId", context)
			.then(this.template.getDatabaseClient()
				.sql("insert into plan_task (plan_id, position, title, description, responsible_units)"
						+ " select :plan, coalesce(max(position), 0) + 1, :title, :description, :units from plan_task where plan_id = :plan"
						+ " returning *")
				.bind("plan", planId).bind("title", task.title()).bind("description", task.description())
				.bind("units", task.responsibleUnits().toArray(String[]::new))
				.map(PlanTask::from)
				.one());
	}

	@MutationMapping
	Mono<PlanTask> updateTask(@Argument UpdateTaskInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "PlanTask", "input.id");
		return this.template.getDatabaseClient().sql("select * from plan_task where id = :id").bind("id", id)
			.map(PlanTask::from)
			.one()
			.switchIfEmpty(Access.unreachable("input.id", "action.changePlans"))
			.flatMap((current) -> this.children.writable(current.planId(), "input.id", context).thenReturn(current))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.task");
				PlanTask changed = new PlanTask(id, current.planId(), current.position(), strip(or(input.title(), current.title())),
						strip(or(input.description(), current.description())), or(input.responsibleUnits(), current.responsibleUnits()),
						current.version());
				changed.validate("input");
				return this.template.update(changed);
			});
	}

	private static <T> T or(T given, T current) {
		return (given != null) ? given : current;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	@Override
	public String type() {
		return "PlanTask";
	}

	@Override
	public Object keyOf(Object node) {
		return ((PlanTask) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Long id = NodeResolver.numericKey(key);
		Scope scope = this.access.publicData(Caller.of(context));
		return (id == null) ? Mono.empty()
				: this.template.getDatabaseClient().sql("select * from plan_task where id = :id").bind("id", id).map(PlanTask::from).one()
					.flatMap((task) -> this.access.keepRegion(scope, task, "(select region_code from plan where id = :key)",
							task.planId()));
	}

}
