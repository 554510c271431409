package org.junheng.indicator;

import java.util.List;

/**
 * The between-school coefficient of variation (差异系数) of one indicator across the schools of
 * one stage, weighted by enrollment: X̄ = Σ P_i·X_i / P, S = sqrt(Σ (P_i / P)·(X_i − X̄)²),
 * CV = S / X̄. Weighting by enrollment, not averaging school ratios, is what the standard asks.
 */
final class Balance {

	/** A school's value of the indicator and its enrollment. */
	record Point(double value, double students) {
	}

	private Balance() {
	}

	static double mean(List<Point> points) {
		double students = points.stream().mapToDouble(Point::students).sum();
		return points.stream().mapToDouble((p) -> p.students() * p.value()).sum() / students;
	}

	/** The CV, or null when there are no students or the mean is zero (a CV means nothing then). */
	static Double cv(List<Point> points) {
		double students = points.stream().mapToDouble(Point::students).sum();
		if (students <= 0) {
			return null;
		}
		double mean = mean(points);
		if (mean == 0) {
			return null;
		}
		double variance = points.stream().mapToDouble((p) -> p.students() / students * Math.pow(p.value() - mean, 2)).sum();
		return Math.sqrt(variance) / mean;
	}

}
