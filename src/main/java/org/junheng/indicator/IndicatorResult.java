package org.junheng.indicator;

/** One resource indicator of one segment against its threshold. */
record IndicatorResult(ResourceIndicator indicator, Double value, double threshold, Status status) {

	enum Status {

		/** At or above the threshold. */
		MET,
		/** Below the threshold but at or above the floor (85% of it). */
		NEAR,
		/** Below the floor. */
		BELOW,
		/** A figure is missing or there are no students. */
		NO_DATA

	}

	static IndicatorResult of(ResourceIndicator indicator, Double value, double threshold, double floor) {
		Status status = (value == null) ? Status.NO_DATA
				: Precision.atLeast(value, threshold) ? Status.MET
						: Precision.atLeast(value, threshold * floor) ? Status.NEAR : Status.BELOW;
		return new IndicatorResult(indicator, value, threshold, status);
	}

	Double ratio() {
		return (this.value == null || this.threshold == 0) ? null : this.value / this.threshold;
	}

	Boolean met() {
		return (this.status == Status.NO_DATA) ? null : this.status == Status.MET;
	}

}
