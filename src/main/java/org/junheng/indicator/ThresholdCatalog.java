package org.junheng.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every threshold set with its values, read in one statement, resolving the thresholds of any
 * region by its path: its nearest ancestor's set (or the national one), each value from the
 * nearest set in the chain that defines it.
 */
record ThresholdCatalog(List<Set> sets) {

	record Set(long id, String code, Long parentId, String regionPath, Map<String, Thresholds.Value> values) {
	}

	Thresholds forPath(String regionPath) {
		Set start = null;
		for (Set set : this.sets) {
			boolean covers = set.regionPath() != null
					&& (regionPath.equals(set.regionPath()) || regionPath.startsWith(set.regionPath() + "/"));
			if (covers && (start == null || set.regionPath().length() > start.regionPath().length())) {
				start = set;
			}
		}
		if (start == null) {
			start = this.sets.stream().filter((s) -> s.parentId() == null).findFirst().orElseThrow();
		}
		Map<String, Thresholds.Value> values = new LinkedHashMap<>();
		for (Set set = start; set != null; set = parent(set)) {
			set.values().forEach(values::putIfAbsent);
		}
		return new Thresholds(start.code(), values);
	}

	private Set parent(Set set) {
		return (set.parentId() == null) ? null
				: this.sets.stream().filter((s) -> s.id() == set.parentId()).findFirst().orElse(null);
	}

}
