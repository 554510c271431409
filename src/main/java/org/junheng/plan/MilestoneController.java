package org.junheng.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.Batches;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.NodeResolver;
import org.junheng.system.NotFoundException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class MilestoneController implements NodeResolver {

	private final MilestoneRepository repository;

	private final PlanChildren children;

	private final R2dbcEntityTemplate template;

	private final Clock clock;

	private final TargetRepository targets;

	private final MilestoneAutoAchiever achiever;

	private final Access access;

	MilestoneController(Access access, MilestoneRepository repository, PlanChildren children, R2dbcEntityTemplate template, Clock clock,
			TargetRepository targets, MilestoneAutoAchiever achiever, BatchLoaderRegistry loaders) {
		this.access = access;
		this.repository = repository;
		this.children = children;
		this.template = template;
		this.clock = clock;
		this.targets = targets;
		this.achiever = achiever;
		loaders.<Long, List<Milestone>>forName("planMilestones")
			.registerMappedBatchLoader((planIds, env) -> children.byPlan(planIds, Milestone::from, "milestone", PlanReads.MILESTONE_ORDER,
					Milestone::planId));
	}

	record AddMilestoneInput(String planId, String title, String description, LocalDate dueOn, MilestoneStatus status,
			Integer progress, LocalDate achievedOn, String targetId) {
	}

	record UpdateMilestoneInput(String id, Integer version, String title, String description, LocalDate dueOn,
			MilestoneStatus status, Integer progress, LocalDate achievedOn, String targetId) {
	}

	/** All milestones of every plan on the page come in one statement; the status filter is applied here. */
	@SchemaMapping
	CompletableFuture<List<Milestone>> milestones(Plan plan, @Argument List<MilestoneStatus> status,
			DataLoader<Long, List<Milestone>> planMilestones) {
		return planMilestones.load(plan.id())
			.thenApply((all) -> (status == null || status.isEmpty()) ? all
					: all.stream().filter((m) -> status.contains(m.status())).toList());
	}

	@BatchMapping
	Mono<Map<Milestone, Plan>> plan(List<Milestone> milestones) {
		return this.children.plansOf(milestones, Milestone::planId);
	}

	@BatchMapping
	Mono<Map<Milestone, Target>> target(List<Milestone> milestones) {
		return this.targets.findAllById(milestones.stream().map(Milestone::targetId).filter(java.util.Objects::nonNull).distinct().toList())
			.collectMap(Target::id)
			.map((byId) -> Batches.joined(milestones, (m) -> m.targetId(), byId));
	}

	/** A milestone tied to a target that is already met is achieved right away. */
	@MutationMapping
	Mono<Milestone> addMilestone(@Argument AddMilestoneInput input, GraphQLContext context) {
		long planId = GlobalId.key(input.planId(), "Plan", "input.planId");
		Long targetId = GlobalId.optionalKey(input.targetId(), "Target", "input.targetId");
		Milestone milestone = Milestone.of(null, planId, strip(input.title()), input.description(), input.dueOn(),
				(input.status() != null) ? input.status() : MilestoneStatus.PLANNED,
				(input.progress() != null) ? input.progress() : 0, input.achievedOn(), targetId, null, this.clock);
		return this.children.writable(planId, "input.planId", context).flatMap((plan) -> {
			milestone.validate(plan, input.achievedOn(), "input", this.clock);
			return requireTargetOf(planId, targetId).then(this.template.insert(milestone));
		}).flatMap(this::achieveIfTied);
	}

	private Mono<?> requireTargetOf(long planId, Long targetId) {
		if (targetId == null) {
			return Mono.just(true);
		}
		return this.targets.findById(targetId)
			.filter((target) -> target.planId().equals(planId))
			.switchIfEmpty(NotFoundException.error("input.targetId", "notFound.target"));
	}

	private Mono<Milestone> achieveIfTied(Milestone milestone) {
		return (milestone.targetId() == null) ? Mono.just(milestone)
				: this.achiever.achieveMet().then(this.repository.findById(milestone.id()));
	}

	@MutationMapping
	Mono<Milestone> updateMilestone(@Argument UpdateMilestoneInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "Milestone", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(Access.unreachable("input.id", "action.changePlans"))
			.flatMap((current) -> this.children.writable(current.planId(), "input.id", context).thenReturn(current))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.milestone");
				MilestoneStatus status = (input.status() != null) ? input.status() : current.status();
				// An achieved milestone keeps its date unless a new one is given.
				LocalDate achievedOn = (input.achievedOn() != null) ? input.achievedOn() : current.achievedOn();
				Long given = GlobalId.optionalKey(input.targetId(), "Target", "input.targetId");
				Long targetId = (given != null) ? given : current.targetId();
				Milestone changed = Milestone.of(id, current.planId(), (input.title() != null) ? strip(input.title()) : current.title(),
						(input.description() != null) ? input.description() : current.description(),
						(input.dueOn() != null) ? input.dueOn() : current.dueOn(), status,
						(input.progress() != null) ? input.progress() : current.progress(), achievedOn, targetId, current.version(),
						this.clock);
				return this.children.require(current.planId(), "input.id").flatMap((plan) -> {
					changed.validate(plan, input.achievedOn(), "input", this.clock);
					return requireTargetOf(current.planId(), targetId).then(this.template.update(changed));
				});
			})
			.flatMap(this::achieveIfTied);
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	@Override
	public String type() {
		return "Milestone";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Milestone) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.publicData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((found) -> this.access.keepRegion(scope, found, "(select region_code from plan where id = :key)",
					found.planId()));
	}

}
