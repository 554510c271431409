package org.junheng.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.NodeResolver;
import org.junheng.system.NotFoundException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class TargetController implements NodeResolver {

	private final TargetRepository repository;

	private final PlanChildren children;

	private final R2dbcEntityTemplate template;

	TargetController(TargetRepository repository, PlanChildren children, R2dbcEntityTemplate template) {
		this.repository = repository;
		this.children = children;
		this.template = template;
	}

	record AddTargetInput(String planId, String measure, String unit, BigDecimal baseline, BigDecimal targetValue,
			LocalDate deadline) {
	}

	record UpdateTargetInput(String id, Integer version, String measure, String unit, BigDecimal baseline,
			BigDecimal targetValue, LocalDate deadline) {
	}

	@BatchMapping
	Mono<Map<Target, Plan>> plan(List<Target> targets) {
		return this.children.plansOf(targets, Target::planId);
	}

	@MutationMapping
	Mono<Target> addTarget(@Argument AddTargetInput input) {
		long planId = GlobalId.key(input.planId(), "Plan", "input.planId");
		Target target = new Target(null, planId, input.measure().strip(), (input.unit() != null) ? input.unit().strip() : "",
				input.baseline(), input.targetValue(), input.deadline(), null);
		return this.children.require(planId, "input.planId").flatMap((plan) -> {
			target.validate(plan, "input");
			return this.template.insert(target);
		});
	}

	@MutationMapping
	Mono<Target> updateTarget(@Argument UpdateTargetInput input) {
		long id = GlobalId.key(input.id(), "Target", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(NotFoundException.error("input.id", "no target has the ID " + input.id()))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "target");
				Target changed = current.with(input.measure(), input.unit(), input.baseline(), input.targetValue(),
						input.deadline());
				return this.children.require(current.planId(), "input.id").flatMap((plan) -> {
					changed.validate(plan, "input");
					return this.template.update(changed);
				});
			});
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
	public Mono<?> find(String key) {
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById);
	}

}
