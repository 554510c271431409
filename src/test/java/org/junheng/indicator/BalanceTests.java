package org.junheng.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The enrollment-weighted coefficient of variation: the standard's worked example and its properties. */
class BalanceTests {

	/**
	 * The standard's check gives only totals: 1,913 books and 302 pupils in five schools, X̄ ≈ 6.33,
	 * S ≈ 3.26, CV ≈ 0.52. These five schools have those totals and that spread. X̄ is fixed by the
	 * totals (6.334), where the plain mean of the five ratios would be 6.0075. The standard's CV of
	 * 0.52 is its rounded 3.26 / 6.33 = 0.515 rounded up; unrounded it is 0.5146.
	 */
	@Test
	void weightedCvMatchesTheStandardsWorkedExample() {
		int[] pupils = { 40, 52, 60, 70, 80 };
		int[] books = { 72, 553, 122, 557, 609 };
		List<Balance.Point> points = new ArrayList<>();
		for (int i = 0; i < pupils.length; i++) {
			points.add(new Balance.Point((double) books[i] / pupils[i], pupils[i]));
		}
		assertThat(Balance.mean(points)).isCloseTo(1913.0 / 302, within(1e-9)).isCloseTo(6.33, within(0.005));
		double cv = Balance.cv(points);
		assertThat(cv * Balance.mean(points)).as("S").isCloseTo(3.26, within(0.005));
		assertThat(cv).isCloseTo(0.5146, within(0.0005));
		double plainMean = points.stream().mapToDouble(Balance.Point::value).average().orElseThrow();
		assertThat(plainMean).isCloseTo(6.0075, within(0.0001));
	}

	@Test
	void cvIsZeroWhenEverySchoolHasTheSameValue() {
		Random random = new Random(1);
		for (int run = 0; run < 200; run++) {
			double value = 0.1 + random.nextDouble() * 5000;
			List<Balance.Point> points = new ArrayList<>();
			for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
				points.add(new Balance.Point(value, 1 + random.nextInt(3000)));
			}
			assertThat(Balance.cv(points)).isCloseTo(0, within(1e-9));
		}
	}

	@Test
	void cvDoesNotChangeWhenResourcesAndEnrollmentScaleTogether() {
		Random random = new Random(2);
		for (int run = 0; run < 200; run++) {
			List<Balance.Point> points = randomSchools(random);
			double factor = 0.1 + random.nextDouble() * 20;
			// Resource and enrollment scale together: the per-student value stays, the weight scales.
			List<Balance.Point> scaled = points.stream().map((p) -> new Balance.Point(p.value(), p.students() * factor)).toList();
			assertThat(Balance.cv(scaled)).isCloseTo(Balance.cv(points), within(1e-9));
		}
	}

	@Test
	void cvRisesWhenOneSchoolMovesAwayFromTheMean() {
		Random random = new Random(3);
		for (int run = 0; run < 200; run++) {
			List<Balance.Point> points = randomSchools(random);
			double mean = Balance.mean(points);
			int moved = random.nextInt(points.size());
			Balance.Point school = points.get(moved);
			double away = (school.value() >= mean) ? school.value() * 1.5 + 1 : school.value() * 0.5;
			List<Balance.Point> further = new ArrayList<>(points);
			further.set(moved, new Balance.Point(away, school.students()));
			assertThat(Balance.cv(further)).as("run %d", run).isGreaterThan(Balance.cv(points));
		}
	}

	@Test
	void noStudentsOrAZeroMeanGiveNoCv() {
		assertThat(Balance.cv(List.of())).isNull();
		assertThat(Balance.cv(List.of(new Balance.Point(0, 100), new Balance.Point(0, 50)))).isNull();
	}

	/** Two to forty schools with different values. */
	private static List<Balance.Point> randomSchools(Random random) {
		List<Balance.Point> points = new ArrayList<>();
		for (int i = 0, n = 2 + random.nextInt(39); i < n; i++) {
			points.add(new Balance.Point(1 + random.nextDouble() * 20, 10 + random.nextInt(2500)));
		}
		if (points.stream().mapToDouble(Balance.Point::value).distinct().count() < 2) {
			points.set(0, new Balance.Point(points.get(0).value() + 1, points.get(0).students()));
		}
		return points;
	}

}
