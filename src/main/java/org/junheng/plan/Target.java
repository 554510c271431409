package org.junheng.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.r2dbc.spi.Readable;

import org.junheng.system.Checks;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A measurable target of a plan: a measure moving from a baseline to a target value by a deadline.
 * The measure is a custom figure ({@code currentValue} reported by hand) or a standard indicator of
 * a school, or a region's enrollment-weighted mean or coefficient of variation, read live.
 */
@Table("target")
public record Target(@Id Long id, Long planId, String measure, String unit, BigDecimal baseline, BigDecimal targetValue,
		LocalDate deadline, TargetScope scope, String indicatorCode, Long schoolId, String regionCode, String stage,
		Integer schoolYear, BigDecimal currentValue, @Version Integer version) {

	void validate(Plan plan, String prefix, boolean knownIndicator) {
		boolean custom = this.scope == TargetScope.CUSTOM;
		boolean region = this.scope == TargetScope.REGION_MEAN || this.scope == TargetScope.REGION_CV;
		Checks.on(prefix)
			.text(this.measure, "measure", 200)
			.require(this.unit.length() <= 20, "unit", "check.maxLength", 20)
			.atMost(this.baseline, 1e9, "baseline")
			.atMost(this.targetValue, 1e9, "targetValue")
			.atMost(this.currentValue, 1e9, "currentValue")
			.require(plan.covers(this.deadline), "deadline", "check.inPlanPeriod", plan.period())
			.require(custom || knownIndicator, "indicatorCode", "check.resourceIndicator")
			.require(!custom || (this.indicatorCode == null && this.schoolId == null && this.regionCode == null), "scope",
					"check.customTarget")
			.require(custom || this.currentValue == null, "currentValue", "check.currentValueRead")
			.require(this.scope != TargetScope.SCHOOL || this.schoolId != null, "schoolId", "check.schoolTarget")
			.require(!region || (this.regionCode != null && this.stage != null), "regionCode",
					"check.regionTarget")
			.require(custom || this.schoolYear != null, "schoolYear", "check.indicatorTargetYear")
			.schoolYear(this.schoolYear, "schoolYear")
			.validate();
	}

	/** Targets are reached upward unless their value is below the baseline or they measure a CV. */
	boolean downward() {
		if (this.baseline != null) {
			return this.targetValue.compareTo(this.baseline) < 0;
		}
		return this.scope == TargetScope.REGION_CV;
	}

	Target with(String measure, String unit, BigDecimal baseline, BigDecimal targetValue, LocalDate deadline,
			BigDecimal currentValue) {
		return new Target(this.id, this.planId, (measure != null) ? measure.strip() : this.measure,
				(unit != null) ? unit.strip() : this.unit, (baseline != null) ? baseline : this.baseline,
				(targetValue != null) ? targetValue : this.targetValue, (deadline != null) ? deadline : this.deadline, this.scope,
				this.indicatorCode, this.schoolId, this.regionCode, this.stage, this.schoolYear,
				(currentValue != null) ? currentValue : this.currentValue, this.version);
	}

	static Target from(Readable row) {
		return new Target(row.get("id", Long.class), row.get("plan_id", Long.class), row.get("measure", String.class),
				row.get("unit", String.class), row.get("baseline", BigDecimal.class), row.get("target_value", BigDecimal.class),
				row.get("deadline", LocalDate.class), TargetScope.valueOf(row.get("scope", String.class)),
				row.get("indicator_code", String.class), row.get("school_id", Long.class), row.get("region_code", String.class),
				row.get("stage", String.class), row.get("school_year", Integer.class), row.get("current_value", BigDecimal.class),
				row.get("version", Integer.class));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Target that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
