package org.junheng.teacher;

/** 骨干教师 level; the standard counts county level or above. */
public enum BackboneLevel {

	NONE, COUNTY, CITY, PROVINCE, NATIONAL

}
