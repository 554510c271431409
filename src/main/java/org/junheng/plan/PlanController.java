package org.junheng.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.Connection;
import org.junheng.system.GlobalId;
import org.junheng.system.InvalidInputException;
import org.junheng.system.Keyset;
import org.junheng.system.NodeResolver;
import org.junheng.system.NotFoundException;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;

@Controller
class PlanController implements NodeResolver {

	private final PlanRepository repository;

	private final PlanChildren children;

	private final Regions regions;

	private final R2dbcEntityTemplate template;

	private final TransactionalOperator transaction;

	private final Keyset keyset;

	private final Clock clock;

	PlanController(PlanRepository repository, PlanChildren children, Regions regions, R2dbcEntityTemplate template,
			TransactionalOperator transaction, Keyset keyset, Clock clock) {
		this.repository = repository;
		this.children = children;
		this.regions = regions;
		this.template = template;
		this.transaction = transaction;
		this.keyset = keyset;
		this.clock = clock;
	}

	record PlanFilter(String regionCode, List<PlanStatus> status, Integer year, String title) {
	}

	enum PlanOrderField implements Keyset.Field {

		START_YEAR("p.start_year", "integer"), TITLE("p.title", "text"), CREATED("p.id", "bigint");

		private final String expression;

		private final String type;

		PlanOrderField(String expression, String type) {
			this.expression = expression;
			this.type = type;
		}

		@Override
		public String expression() {
			return this.expression;
		}

		@Override
		public String type() {
			return this.type;
		}

	}

	record PlanOrder(PlanOrderField field, String direction) {
	}

	record TaskInput(String title, String description, List<String> responsibleUnits) {
	}

	record MilestoneInput(String title, String description, LocalDate dueOn, MilestoneStatus status, Integer progress,
			LocalDate achievedOn) {
	}

	record TargetInput(String measure, String unit, BigDecimal baseline, BigDecimal targetValue, LocalDate deadline) {
	}

	record CreatePlanInput(String regionCode, String title, Integer startYear, Integer endYear, PlanStatus status,
			List<String> goals, List<TaskInput> tasks, List<MilestoneInput> milestones, List<TargetInput> targets) {
	}

	record UpdatePlanInput(String id, Integer version, String title, Integer startYear, Integer endYear,
			PlanStatus status) {
	}

	@QueryMapping
	Mono<Connection<Plan>> plans(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument PlanFilter filter, @Argument PlanOrder orderBy, DataFetchingFieldSelectionSet selection) {
		SqlWhere where = new SqlWhere();
		if (filter != null) {
			where.and(Regions.withinCondition("p.region_code", "region"), "region", filter.regionCode())
				.and("p.status = any(:statuses)", "statuses", SqlWhere.names(filter.status()))
				.and(":year between p.start_year and p.end_year", "year", filter.year())
				.and("p.title like :title", "title", (filter.title() != null) ? SqlWhere.contains(filter.title()) : null);
		}
		Keyset.Sort sort = (orderBy != null) ? Keyset.sort("plan", orderBy.field(), orderBy.direction())
				: Keyset.sort("plan", PlanOrderField.START_YEAR, "DESC");
		return this.keyset.page("plan p", "p", where, sort, PageRequest.of(first, after, last, before), selection,
				Plan::from);
	}

	@QueryMapping
	Mono<Plan> plan(@Argument String id) {
		return this.repository.findById(GlobalId.key(id, "Plan", "id"));
	}

	@BatchMapping
	Mono<Map<Plan, Region>> region(List<Plan> plans) {
		return this.regions.byCodes(plans.stream().map(Plan::regionCode).toList())
			.map((byCode) -> plans.stream().distinct()
				.collect(Collectors.toMap((plan) -> plan, (plan) -> byCode.get(plan.regionCode()))));
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
		return perPlan(plans, this.children.byPlan(ids(plans), Target::from, "target", "deadline, id", Target::planId));
	}

	@BatchMapping(typeName = "Region")
	Mono<Map<Region, List<Plan>>> plans(List<Region> regions) {
		return this.template.getDatabaseClient()
			.sql("select * from plan where region_code = any(:codes) order by start_year desc, id desc")
			.bind("codes", regions.stream().map(Region::code).distinct().toArray(String[]::new))
			.map(Plan::from)
			.all()
			.collectMultimap(Plan::regionCode)
			.map((byRegion) -> regions.stream().distinct().collect(Collectors.toMap((region) -> region,
					(region) -> List.copyOf(byRegion.getOrDefault(region.code(), List.of())))));
	}

	/** A plan with its goals, tasks, milestones and targets, all or nothing. */
	@MutationMapping
	Mono<Plan> createPlan(@Argument CreatePlanInput input) {
		Plan plan = new Plan(null, input.regionCode(), strip(input.title()), input.startYear(), input.endYear(),
				(input.status() != null) ? input.status() : PlanStatus.DRAFT, null);
		validate(plan);
		List<String> goals = or(input.goals());
		Checks goalChecks = Checks.on("input");
		for (int i = 0; i < goals.size(); i++) {
			goalChecks.text(goals.get(i), "goals[" + i + "]", 1000);
		}
		goalChecks.validate();
		List<TaskInput> taskInputs = or(input.tasks());
		for (int i = 0; i < taskInputs.size(); i++) {
			Checks.on("input.tasks[" + i + "]").text(taskInputs.get(i).title(), "title", 200).validate();
		}
		List<Milestone> milestones = new ArrayList<>();
		for (MilestoneInput m : or(input.milestones())) {
			Milestone milestone = Milestone.of(null, null, strip(m.title()), m.description(), m.dueOn(),
					(m.status() != null) ? m.status() : MilestoneStatus.PLANNED, (m.progress() != null) ? m.progress() : 0,
					m.achievedOn(), null, this.clock);
			milestone.validate(plan, m.achievedOn(), "input.milestones[" + milestones.size() + "]", this.clock);
			milestones.add(milestone);
		}
		List<Target> targets = new ArrayList<>();
		for (TargetInput t : or(input.targets())) {
			Target target = new Target(null, null, strip(t.measure()), (t.unit() != null) ? t.unit().strip() : "", t.baseline(),
					t.targetValue(), t.deadline(), null);
			target.validate(plan, "input.targets[" + targets.size() + "]");
			targets.add(target);
		}
		Mono<Plan> write = this.template.insert(plan).flatMap((saved) -> {
			long id = saved.id();
			Flux<Object> rows = Flux.concat(
					Flux.range(0, goals.size()).concatMap((i) -> this.template.insert(new Goal(null, id, i + 1, goals.get(i).strip()))),
					Flux.range(0, taskInputs.size()).concatMap((i) -> this.template.insert(task(id, i + 1, taskInputs.get(i)))),
					Flux.fromIterable(milestones).concatMap((m) -> this.template.insert(Milestone.of(null, id, m.title(),
							m.description(), m.dueOn(), m.status(), m.progress(), m.achievedOn(), null, this.clock))),
					Flux.fromIterable(targets).concatMap((t) -> this.template.insert(new Target(null, id, t.measure(), t.unit(),
							t.baseline(), t.targetValue(), t.deadline(), null))));
			return rows.then(Mono.just(saved));
		});
		return this.regions.require(input.regionCode(), "input.regionCode").then(this.transaction.transactional(write));
	}

	@MutationMapping
	Mono<Plan> updatePlan(@Argument UpdatePlanInput input) {
		long id = GlobalId.key(input.id(), "Plan", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(NotFoundException.error("input.id", "no plan has the ID " + input.id()))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "plan");
				Plan changed = current.with(strip(input.title()), input.startYear(), input.endYear(), input.status());
				validate(changed);
				// A shorter period must not strand milestones or targets outside it.
				return this.template.getDatabaseClient()
					.sql("select (select count(*) from milestone where plan_id = :id and extract(year from due_on) not between :start and :end)"
							+ " + (select count(*) from target where plan_id = :id and extract(year from deadline) not between :start and :end)")
					.bind("id", id).bind("start", changed.startYear()).bind("end", changed.endYear())
					.map((row) -> row.get(0, Long.class))
					.one()
					.flatMap((outside) -> (outside > 0) ? Mono.error(InvalidInputException.of("input.startYear",
							"would leave " + outside + " milestones or targets outside the plan's period"))
							: this.template.update(changed));
			})
			.as(this.transaction::transactional);
	}

	private static void validate(Plan plan) {
		Checks.on("input")
			.text(plan.title(), "title", 200)
			.range(plan.startYear(), 1949, 2200, "startYear")
			.range(plan.endYear(), 1949, 2200, "endYear")
			.require(plan.endYear() >= plan.startYear(), "endYear", "must not be before startYear")
			.require(plan.endYear() - plan.startYear() <= 15, "endYear", "must be at most 15 years after startYear")
			.validate();
	}

	private static PlanTask task(long planId, int position, TaskInput input) {
		return new PlanTask(null, planId, position, input.title().strip(),
				(input.description() != null) ? input.description().strip() : "", or(input.responsibleUnits()), null);
	}

	private static <T> Mono<Map<Plan, List<T>>> perPlan(List<Plan> plans, Mono<Map<Long, List<T>>> byPlan) {
		return byPlan.map((lists) -> plans.stream().distinct()
			.collect(Collectors.toMap((plan) -> plan, (plan) -> lists.get(plan.id()))));
	}

	private static List<Long> ids(List<Plan> plans) {
		return plans.stream().map(Plan::id).toList();
	}

	private static <T> List<T> or(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
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
	public Mono<?> find(String key) {
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById);
	}

}
