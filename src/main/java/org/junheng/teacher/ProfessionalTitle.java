package org.junheng.teacher;

/** 未评, 三级, 二级, 一级, 高级, 正高级. */
public enum ProfessionalTitle {

	NONE, THIRD_GRADE, SECOND_GRADE, FIRST_GRADE, SENIOR, PROFESSOR

}
