package org.junheng.indicator;

import java.util.Map;

/**
 * The threshold values in force for one region: its nearest threshold set with what that set
 * inherits. A value is kept per stage or, when it does not differ by stage, for ALL.
 */
record Thresholds(String setCode, Map<String, Value> values) {

	record Value(double value, String source, String setCode) {
	}

	Value get(String code, Segment segment) {
		Value value = this.values.get(code + "/" + segment);
		if (value == null) {
			value = this.values.get(code + "/ALL");
		}
		if (value == null) {
			throw new IllegalStateException("No threshold for " + code + " in set " + this.setCode);
		}
		return value;
	}

	double value(String code, Segment segment) {
		return get(code, segment).value();
	}

	double value(String code) {
		return get(code, Segment.PRIMARY).value();
	}

}
