package org.junheng.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.indicator.Indicators;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.InvalidInputException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Writing plans: a whole plan in one transaction, and changes to its title, period and status. */
@Controller
class PlanMutationController {

	private final PlanRepository repository;

	private final R2dbcEntityTemplate template;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final Access access;

	PlanMutationController(Access access, PlanRepository repository, R2dbcEntityTemplate template,
			TransactionalOperator transaction, Clock clock) {
		this.access = access;
		this.repository = repository;
		this.template = template;
		this.transaction = transaction;
		this.clock = clock;
	}

	record TaskInput(String title, String description, List<String> responsibleUnits) {
	}

	record MilestoneInput(String title, String description, LocalDate dueOn, MilestoneStatus status, Integer progress,
			LocalDate achievedOn) {
	}

	record CreatePlanInput(String regionCode, String title, Integer startYear, Integer endYear, PlanStatus status,
			List<String> goals, List<TaskInput> tasks, List<MilestoneInput> milestones, List<TargetInput> targets) {
	}

	record UpdatePlanInput(String id, Integer version, String title, Integer startYear, Integer endYear,
			PlanStatus status, List<String> goals) {
	}

	/** A plan with its goals, tasks, milestones and targets, all or nothing. */
	@MutationMapping
	Mono<Plan> createPlan(@Argument CreatePlanInput input, GraphQLContext context) {
		Plan plan = new Plan(null, input.regionCode(), strip(input.title()), input.startYear(), input.endYear(),
				(input.status() != null) ? input.status() : PlanStatus.DRAFT, null);
		validate(plan);
		List<String> goals = or(input.goals());
		validateGoals(goals);
		List<TaskInput> taskInputs = or(input.tasks());
		for (int i = 0; i < taskInputs.size(); i++) {
			task(0, i + 1, taskInputs.get(i)).validate("input.tasks[" + i + "]");
		}
		List<Milestone> milestones = new ArrayList<>();
		for (MilestoneInput m : or(input.milestones())) {
			Milestone milestone = Milestone.of(null, null, strip(m.title()), m.description(), m.dueOn(),
					(m.status() != null) ? m.status() : MilestoneStatus.PLANNED, (m.progress() != null) ? m.progress() : 0,
					m.achievedOn(), null, null, this.clock);
			milestone.validate(plan, m.achievedOn(), "input.milestones[" + milestones.size() + "]", this.clock);
			milestones.add(milestone);
		}
		List<Target> targets = new ArrayList<>();
		for (TargetInput t : or(input.targets())) {
			String prefix = "input.targets[" + targets.size() + "]";
			Target target = t.toTarget(null, prefix);
			target.validate(plan, prefix, Indicators.isResourceIndicator(target.indicatorCode()));
			targets.add(target);
		}
		Mono<Plan> write = this.template.insert(plan).flatMap((saved) -> {
			long id = saved.id();
			Flux<Object> rows = Flux.concat(insertGoals(id, goals),
					Flux.range(0, taskInputs.size()).concatMap((i) -> this.template.insert(task(id, i + 1, taskInputs.get(i)))),
					Flux.fromIterable(milestones).concatMap((m) -> this.template.insert(Milestone.of(null, id, m.title(),
							m.description(), m.dueOn(), m.status(), m.progress(), m.achievedOn(), null, null, this.clock))),
					Flux.fromIterable(targets).concatMap((t) -> this.template.insert(new Target(null, id, t.measure(), t.unit(),
							t.baseline(), t.targetValue(), t.deadline(), t.scope(), t.indicatorCode(), t.schoolId(), t.regionCode(),
							t.stage(), t.schoolYear(), t.currentValue(), null))));
			return rows.then(Mono.just(saved));
		});
		return this.access.requireRegion(Caller.of(context), input.regionCode(), "input.regionCode", "action.createPlans",
				Role.ADMIN, Role.PLANNER).then(this.transaction.transactional(write));
	}

	@MutationMapping
	Mono<Plan> updatePlan(@Argument UpdatePlanInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "Plan", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(Access.unreachable("input.id", "action.changePlans"))
			.flatMap((current) -> this.access.requireRegion(Caller.of(context), current.regionCode(), "input.id", "action.changePlans",
					Role.ADMIN, Role.PLANNER).thenReturn(current))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.plan");
				Plan changed = current.with(strip(input.title()), input.startYear(), input.endYear(), input.status());
				validate(changed);
				if (input.goals() != null) {
					validateGoals(input.goals());
				}
				// A shorter period must not strand milestones or targets outside it.
				return this.template.getDatabaseClient()
					.sql("select (select count(*) from milestone where plan_id = :id and extract(year from due_on) not between :start and :end)"
							+ " + (select count(*) from target where plan_id = :id and extract(year from deadline) not between :start and :end)")
					.bind("id", id).bind("start", changed.startYear()).bind("end", changed.endYear())
					.map((row) -> row.get(0, Long.class))
					.one()
					.flatMap((outside) -> (outside > 0) ? Mono.error(InvalidInputException.of("input.startYear",
							"check.leavesOutside", outside))
							: this.template.update(changed))
					.flatMap((saved) -> (input.goals() == null) ? Mono.just(saved) : this.template.getDatabaseClient()
						.sql("delete from plan_goal where plan_id = :id").bind("id", id).then()
						.thenMany(insertGoals(id, input.goals()))
						.then(Mono.just(saved)));
			})
			.as(this.transaction::transactional);
	}

	private static void validateGoals(List<String> goals) {
		Checks checks = Checks.on("input").require(goals.size() <= 50, "goals", "check.atMost", 50);
		for (int i = 0; i < goals.size(); i++) {
			checks.text(goals.get(i), "goals[" + i + "]", 1000);
		}
		checks.validate();
	}

	private Flux<Goal> insertGoals(long planId, List<String> goals) {
		return Flux.range(0, goals.size()).concatMap((i) -> this.template.insert(new Goal(null, planId, i + 1, goals.get(i).strip())));
	}

	private static void validate(Plan plan) {
		Checks.on("input")
			.text(plan.title(), "title", 200)
			.range(plan.startYear(), 1949, 2200, "startYear")
			.range(plan.endYear(), 1949, 2200, "endYear")
			.require(plan.endYear() >= plan.startYear(), "endYear", "check.endBeforeStart")
			.require(plan.endYear() - plan.startYear() <= 15, "endYear", "check.planLength")
			.validate();
	}

	private static PlanTask task(long planId, int position, TaskInput input) {
		return new PlanTask(null, planId, position, strip(input.title()),
				(input.description() != null) ? input.description().strip() : "", or(input.responsibleUnits()), null);
	}

	private static <T> List<T> or(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

}
