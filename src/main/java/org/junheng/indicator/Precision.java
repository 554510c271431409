package org.junheng.indicator;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Where every value is compared with a threshold or a target. Values are computed in binary
 * floating point from raw figures (3 backbone teachers split 151/300 to a primary stage of 151
 * pupils is 0.9999999999999998 per 100, not 1), so both sides are first rounded to
 * {@value #DIGITS} significant digits: far finer than any figure the standard publishes, far
 * coarser than the rounding error of a few operations. A value at the threshold meets it.
 * Reported values are not rounded.
 */
final class Precision {

	static final int DIGITS = 12;

	private static final MathContext SETTLED = new MathContext(DIGITS);

	private Precision() {
	}

	/** Whether {@code value} reaches {@code threshold} from below (at least). */
	static boolean atLeast(double value, double threshold) {
		return compare(value, threshold) >= 0;
	}

	/** Whether {@code value} stays at or under {@code limit} (at most). */
	static boolean atMost(double value, double limit) {
		return compare(value, limit) <= 0;
	}

	private static int compare(double left, double right) {
		if (!Double.isFinite(left) || !Double.isFinite(right)) {
			return Double.compare(left, right);
		}
		return settled(left).compareTo(settled(right));
	}

	private static BigDecimal settled(double value) {
		// valueOf takes the shortest decimal that is the double, not its full binary expansion: far cheaper.
		return BigDecimal.valueOf(value).round(SETTLED);
	}

}
