package org.junheng.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.junheng.indicator.Indicators;
import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.Batches;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.NodeResolver;
import org.junheng.system.Text;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class TargetController implements NodeResolver {

	private final TargetRepository repository;

	private final PlanChildren children;

	private final R2dbcEntityTemplate template;

	private final TargetProgress progress;

	private final MilestoneAutoAchiever achiever;

	private final Schools schools;

	private final Regions regions;

	private final Access access;

	TargetController(Access access, TargetRepository repository, PlanChildren children, R2dbcEntityTemplate template, TargetProgress progress,
			MilestoneAutoAchiever achiever, Schools schools, Regions regions) {
		this.access = access;
		this.repository = repository;
		this.children = children;
		this.template = template;
		this.progress = progress;
		this.achiever = achiever;
		this.schools = schools;
		this.regions = regions;
	}

	record AddTargetInput(String planId, String measure, String unit, BigDecimal baseline, BigDecimal targetValue,
			LocalDate deadline, TargetScope scope, String indicatorCode, String schoolId, String regionCode, String stage,
			Integer schoolYear, BigDecimal currentValue) {
	}

	record UpdateTargetInput(String id, Integer version, String measure, String unit, BigDecimal baseline,
			BigDecimal targetValue, LocalDate deadline, BigDecimal currentValue) {
	}

	@BatchMapping
	Mono<Map<Target, Plan>> plan(List<Target> targets) {
		return this.children.plansOf(targets, Target::planId);
	}

	@BatchMapping
	Mono<Map<Target, TargetProgress.Progress>> progress(List<Target> targets) {
		return this.progress.of(targets);
	}

	@SchemaMapping(typeName = "TargetProgress")
	String source(TargetProgress.Progress progress, Locale locale) {
		return progress.source().in(locale);
	}

	@BatchMapping
	Mono<Map<Target, School>> school(List<Target> targets) {
		return this.schools.byIds(targets.stream().map(Target::schoolId).filter(Objects::nonNull).toList())
			.map((byId) -> Batches.joined(targets, (t) -> t.schoolId(), byId));
	}

	@BatchMapping
	Mono<Map<Target, Region>> region(List<Target> targets) {
		return this.regions.byCodes(targets.stream().map(Target::regionCode).filter(Objects::nonNull).toList())
			.map((byCode) -> Batches.joined(targets, (t) -> t.regionCode(), byCode));
	}

	@MutationMapping
	Mono<Target> addTarget(@Argument AddTargetInput input, GraphQLContext context) {
		long planId = GlobalId.key(input.planId(), "Plan", "input.planId");
		Target target = new TargetInput(input.measure(), input.unit(), input.baseline(), input.targetValue(), input.deadline(),
				input.scope(), input.indicatorCode(), input.schoolId(), input.regionCode(), input.stage(), input.schoolYear(),
				input.currentValue()).toTarget(planId, "input");
		return this.children.writable(planId, "input.planId", context).flatMap((plan) -> {
			target.validate(plan, "input", Indicators.isResourceIndicator(target.indicatorCode()));
			// A plan measures what lies in its own region: a school or region beyond it is not the plan's to watch.
			Mono<Void> school = (target.schoolId() != null)
					? this.access.schoolIn(plan.regionCode(), target.schoolId(), "input.schoolId", "action.nameInTargets")
					: Mono.empty();
			Mono<Void> region = (target.regionCode() != null)
					? this.access.regionIn(plan.regionCode(), target.regionCode(), "input.regionCode", "action.nameInTargets")
					: Mono.empty();
			return school.then(region).then(this.template.insert(target));
		});
	}

	/** A reported value may meet the target: milestones tied to it are checked right after. */
	@MutationMapping
	Mono<Target> updateTarget(@Argument UpdateTargetInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "Target", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(Access.unreachable("input.id", "action.changePlans"))
			.flatMap((current) -> this.children.writable(current.planId(), "input.id", context).thenReturn(current))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.target");
				Target changed = current.with(input.measure(), input.unit(), input.baseline(), input.targetValue(),
						input.deadline(), input.currentValue());
				return this.children.require(current.planId(), "input.id").flatMap((plan) -> {
					changed.validate(plan, "input", Indicators.isResourceIndicator(changed.indicatorCode()));
					return this.template.update(changed);
				});
			})
			.flatMap((saved) -> this.achiever.achieveMet().thenReturn(saved));
	}

	@Override
	public String type() {
		return "Target";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Target) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.publicData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((found) -> this.access.keepRegion(scope, found, "(select region_code from plan where id = :key)",
					found.planId()));
	}

}
