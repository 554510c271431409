package org.junheng.school;

/** 城区, 镇区, 乡村. */
public enum Locality {

	URBAN, TOWN, RURAL

}
