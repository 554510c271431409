package org.junheng.plan;

/** What a target measures: a custom figure reported by hand, or a standard indicator of a school or a region. */
public enum TargetScope {

	CUSTOM, SCHOOL, REGION_MEAN, REGION_CV

}
