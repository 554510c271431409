package org.junheng.indicator;

/**
 * The stage a school (or part of one) is judged in. Nine-year and twelve-year schools are judged
 * as a primary and a junior segment; a twelve-year school's senior grades are not compulsory.
 */
public enum Segment {

	PRIMARY(0, 6), JUNIOR(6, 9);

	final int firstGrade;

	final int endGrade;

	Segment(int firstGrade, int endGrade) {
		this.firstGrade = firstGrade;
		this.endGrade = endGrade;
	}

}
