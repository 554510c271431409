package org.junheng.plan;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.junheng.system.Checks;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A measurable target of a plan: a measure moving from a baseline to a target value by a deadline. */
@Table("target")
public record Target(@Id Long id, Long planId, String measure, String unit, BigDecimal baseline, BigDecimal targetValue,
		LocalDate deadline, @Version Integer version) {

	void validate(Plan plan, String prefix) {
		Checks.on(prefix)
			.text(this.measure, "measure", 200)
			.require(this.unit.length() <= 20, "unit", "must be at most 20 characters")
			.atMost(this.baseline, 1e9, "baseline")
			.atMost(this.targetValue, 1e9, "targetValue")
			.require(plan.covers(this.deadline), "deadline", "must fall in the plan's period, " + plan.period())
			.validate();
	}

	Target with(String measure, String unit, BigDecimal baseline, BigDecimal targetValue, LocalDate deadline) {
		return new Target(this.id, this.planId, (measure != null) ? measure.strip() : this.measure,
				(unit != null) ? unit.strip() : this.unit, (baseline != null) ? baseline : this.baseline,
				(targetValue != null) ? targetValue : this.targetValue, (deadline != null) ? deadline : this.deadline,
				this.version);
	}


	static Target from(Readable row) {
		return new Target(row.get("id", Long.class), row.get("plan_id", Long.class), row.get("measure", String.class),
				row.get("unit", String.class), row.get("baseline", BigDecimal.class), row.get("target_value", BigDecimal.class),
				row.get("deadline", LocalDate.class), row.get("version", Integer.class));
	}


	/**
	 * The same target whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Target that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
