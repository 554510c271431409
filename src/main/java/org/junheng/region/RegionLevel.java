package org.junheng.region;

/** 省, 市, 县/区: a child is always exactly one level below its parent. */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY;

	RegionLevel childLevel() {
		return (this == COUNTY) ? null : values()[ordinal() + 1];
	}

}
