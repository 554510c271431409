package org.junheng.teacher;

/** 男, 女. */
public enum Gender {

	MALE, FEMALE

}
