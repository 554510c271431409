package org.junheng.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparisons with thresholds: rounding error of the arithmetic does not decide, a real shortfall does. */
class PrecisionTests {

	@Test
	void aValueComputedAtTheThresholdMeetsIt() {
		// 3 backbone teachers of a 300-pupil school, split to its 151 primary pupils, per 100.
		double value = 3 * (151.0 / 300) * 100 / 151;
		assertThat(value).isNotEqualTo(1.0);
		assertThat(Precision.atLeast(value, 1.0)).isTrue();
		assertThat(Precision.atMost(value, 1.0)).isTrue();
		// 85% of 4.2 is 3.5700000000000003 in floating point; 3.57 reaches it.
		assertThat(Precision.atLeast(3.57, 4.2 * 0.85)).isTrue();
		assertThat(Precision.atMost(0.1 + 0.2, 0.3)).isTrue();
	}

	@Test
	void aRealShortfallIsStillOne() {
		assertThat(Precision.atLeast(0.999999999, 1.0)).isFalse();
		assertThat(Precision.atLeast(4.199999, 4.2)).isFalse();
		assertThat(Precision.atMost(0.50000001, 0.5)).isFalse();
		assertThat(Precision.atLeast(2675.968, 2000)).isTrue();
		assertThat(Precision.atLeast(0, 0)).isTrue();
	}

}
