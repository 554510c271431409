package org.junheng.school;

import org.junheng.system.Text;

/**
 * 学段. Nine-year and twelve-year schools span stages; the standard judges their primary and
 * junior parts separately.
 */
public enum SchoolStage {

	PRIMARY(5, 6), JUNIOR(3, 4), NINE_YEAR(9, 9), TWELVE_YEAR(12, 12);

	private final int minGrades;

	private final int maxGrades;

	SchoolStage(int minGrades, int maxGrades) {
		this.minGrades = minGrades;
		this.maxGrades = maxGrades;
	}

	/** Five-year primary and four-year junior schools exist where the 五四制 system is used. */
	boolean allowsGrades(int grades) {
		return grades >= this.minGrades && grades <= this.maxGrades;
	}

	Text gradesText() {
		return (this.minGrades == this.maxGrades) ? Text.of("grades.one", this.minGrades)
				: Text.of("grades.either", this.minGrades, this.maxGrades);
	}

}
