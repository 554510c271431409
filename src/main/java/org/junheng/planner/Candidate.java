package org.junheng.planner;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import org.junheng.indicator.ExchangeScenario;

/**
 * A teacher who may be sent on a rotation: the solver chooses the school, or none (unassigned:
 * the teacher stays). One entity per teacher, so no teacher can move twice. Timefold sets the
 * variable and clones the entity, hence a mutable class with a no-argument constructor.
 */
@PlanningEntity
class Candidate {

	private ExchangeScenario.Teacher teacher;

	private Destination home;

	/** Schools of the region that teach a stage the teacher's school teaches, the teacher's own and those left out excepted. */
	@ValueRangeProvider(id = "destinations")
	private List<Destination> destinations;

	@PlanningVariable(valueRangeProviderRefs = "destinations", allowsUnassigned = true)
	private Destination to;

	Candidate() {
	}

	Candidate(ExchangeScenario.Teacher teacher, Destination home, List<Destination> destinations) {
		this.teacher = teacher;
		this.home = home;
		this.destinations = destinations;
	}

	/** The same candidate with the same move, for a copy of the plan. */
	Candidate copy() {
		Candidate copy = new Candidate(this.teacher, this.home, this.destinations);
		copy.to = this.to;
		return copy;
	}

	ExchangeScenario.Teacher teacher() {
		return this.teacher;
	}

	Destination home() {
		return this.home;
	}

	List<Destination> destinations() {
		return this.destinations;
	}

	Destination to() {
		return this.to;
	}

	void to(Destination to) {
		this.to = to;
	}

}
