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
		double[] values = new double[points.size()];
		double[] students = new double[points.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = points.get(i).value();
			students[i] = points.get(i).students();
		}
		return cv(values, students, values.length);
	}

	/**
	 * The same over the first {@code n} of two arrays, for a search that judges thousands of
	 * variants a second: one code for both, so the planner's CV is the graph's.
	 */
	static Double cv(double[] values, double[] students, int n) {
		double total = 0;
		double weighted = 0;
		for (int i = 0; i < n; i++) {
			total += students[i];
			weighted += students[i] * values[i];
		}
		if (total <= 0) {
			return null;
		}
		double mean = weighted / total;
		if (mean == 0) {
			return null;
		}
		double variance = 0;
		for (int i = 0; i < n; i++) {
			variance += students[i] / total * (values[i] - mean) * (values[i] - mean);
		}
		return Math.sqrt(variance) / mean;
	}

}
