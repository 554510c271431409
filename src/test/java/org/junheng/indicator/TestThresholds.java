package org.junheng.indicator;

import java.util.HashMap;
import java.util.Map;

/** Thresholds built by hand for rule tests; the golden tests read the real catalogue from the database. */
final class TestThresholds {

	private TestThresholds() {
	}

	static Thresholds with(Map<String, Double> values) {
		Map<String, Thresholds.Value> map = new HashMap<>();
		values.forEach((key, value) -> map.put(key, new Thresholds.Value(value, "test", "TEST")));
		return new Thresholds("TEST", map);
	}

	/** Every resource indicator at 10 for both stages, the national pass rule, rooms and limits. */
	static Thresholds simple() {
		Map<String, Double> values = new HashMap<>();
		for (ResourceIndicator indicator : ResourceIndicator.values()) {
			values.put(indicator.name() + "/ALL", 10.0);
		}
		values.put("SCHOOL_PASS_MIN_MET/ALL", 6.0);
		values.put("SCHOOL_PASS_FLOOR/ALL", 0.85);
		values.put("SMALL_SCHOOL_EXCLUSION/ALL", 50.0);
		values.put("ROOMS_PER_CLASSES/ALL", 12.0);
		values.put("MUSIC_ROOM_AREA/ALL", 96.0);
		values.put("ART_ROOM_AREA/ALL", 90.0);
		values.put("SCHOOL_SIZE/ALL", 2000.0);
		values.put("COMBINED_SCHOOL_SIZE/ALL", 2500.0);
		values.put("CLASS_SIZE/PRIMARY", 45.0);
		values.put("CLASS_SIZE/JUNIOR", 50.0);
		values.put("CERTIFICATE_RATE/ALL", 1.0);
		values.put("TRAINING_HOURS/ALL", 360.0);
		values.put("TRAINING_COMPLETION/ALL", 1.0);
		return with(values);
	}

}
