package org.junheng.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junheng.system.GlobalId;

/** A target as a client writes it, in a new plan or added to one. */
record TargetInput(String measure, String unit, BigDecimal baseline, BigDecimal targetValue, LocalDate deadline,
		TargetScope scope, String indicatorCode, String schoolId, String regionCode, String stage, Integer schoolYear,
		BigDecimal currentValue) {

	Target toTarget(Long planId, String prefix) {
		return new Target(null, planId, (this.measure != null) ? this.measure.strip() : null,
				(this.unit != null) ? this.unit.strip() : "", this.baseline, this.targetValue, this.deadline,
				(this.scope != null) ? this.scope : TargetScope.CUSTOM, this.indicatorCode,
				GlobalId.optionalKey(this.schoolId, "School", prefix + ".schoolId"), this.regionCode, this.stage, this.schoolYear,
				this.currentValue, null);
	}

}
