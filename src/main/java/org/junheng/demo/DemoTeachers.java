package org.junheng.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junheng.demo.DemoCounty.SchoolSpec;

/**
 * Teachers of one school: degrees, titles and backbone status drawn by locality (village schools
 * have fewer graduates and backbone teachers), a few short of training or certificates.
 */
final class DemoTeachers {

	/** What the exchange generator needs to know of a teacher. */
	record Drawn(long id, long schoolId, boolean backbone, LocalDate joinedOn) {
	}

	private final RandomGenerator random;

	DemoTeachers(RandomGenerator random) {
		this.random = random;
	}

	List<Drawn> write(CopyIn copy, SchoolSpec school, int count, long firstId) {
		List<Drawn> drawn = new ArrayList<>(count);
		boolean rural = "RURAL".equals(school.locality());
		boolean urban = "URBAN".equals(school.locality());
		boolean junior = school.junior();
		for (int i = 0; i < count; i++) {
			long id = firstId + i;
			boolean backbone;
			String specialist;
			if (school.golden()) {
				backbone = i < GoldenSchool.BACKBONE;
				specialist = (i >= GoldenSchool.BACKBONE && i < GoldenSchool.BACKBONE + GoldenSchool.PE_AND_ARTS)
						? new String[] { "PE", "MUSIC", "ART" }[i % 3] : null;
			}
			else {
				backbone = this.random.nextDouble() < (urban ? 0.18 : rural ? 0.05 : 0.11);
				double s = this.random.nextDouble();
				specialist = s < 0.065 ? "PE" : s < 0.105 ? "MUSIC" : s < 0.145 ? "ART" : null;
				if (rural && specialist != null && this.random.nextBoolean()) {
					specialist = null;
				}
			}
			int birthYear = 1966 + this.random.nextInt(36);
			LocalDate joined = LocalDate.of(Math.max(birthYear + 22, 2026 - 1 - this.random.nextInt(20)), 1 + this.random.nextInt(12), 1)
				.withDayOfMonth(1);
			if (joined.isAfter(LocalDate.of(2026, 9, 1))) {
				joined = LocalDate.of(2026, 9, 1);
			}
			String subject = switch (String.valueOf(specialist)) {
				case "PE" -> "体育";
				case "MUSIC" -> "音乐";
				case "ART" -> "美术";
				default -> (junior ? DemoNames.JUNIOR_SUBJECTS : DemoNames.PRIMARY_SUBJECTS)
					.get(this.random.nextInt((junior ? DemoNames.JUNIOR_SUBJECTS : DemoNames.PRIMARY_SUBJECTS).size()));
			};
			String degree = degree(school, rural, urban);
			String title = new String[] { "NONE", "THIRD_GRADE", "SECOND_GRADE", "SECOND_GRADE", "FIRST_GRADE",
					"FIRST_GRADE", "FIRST_GRADE", "SENIOR" }[Math.max(0, Math.min(7, (2026 - birthYear - 22) / 5 + this.random.nextInt(2)))];
			String level = !backbone ? "NONE" : new String[] { "COUNTY", "COUNTY", "COUNTY", "CITY", "CITY", "PROVINCE" }[this.random.nextInt(6)];
			LocalDate validFrom = backbone ? LocalDate.of(2023 + this.random.nextInt(3), 9, 1) : null;
			boolean certificate = school.golden() || this.random.nextDouble() > (rural ? 0.03 : 0.008);
			int training = school.golden() ? 360 + this.random.nextInt(120) : 240 + this.random.nextInt(260);
			copy.row(id, school.id(), DemoNames.person(this.random), this.random.nextDouble() < 0.68 ? "FEMALE" : "MALE",
					birthYear, List.of(subject), degree, title, level, validFrom, (validFrom != null) ? validFrom.plusYears(3) : null,
					certificate, "PE".equals(specialist), "MUSIC".equals(specialist), "ART".equals(specialist), training,
					joined, staffNumber(school, id));
			drawn.add(new Drawn(id, school.id(), backbone, joined));
		}
		return drawn;
	}

	/** The county's code and a running number: unique across the province, as a bureau's numbering is. */
	static String staffNumber(SchoolSpec school, long id) {
		return school.regionCode() + String.format("%07d", id);
	}

	private String degree(SchoolSpec school, boolean rural, boolean urban) {
		double d = this.random.nextDouble();
		if (school.golden()) {
			return d < 0.7 ? "BACHELOR" : d < 0.95 ? "ASSOCIATE" : "MASTER";
		}
		if (urban) {
			return d < 0.06 ? "MASTER" : d < 0.82 ? "BACHELOR" : d < 0.99 ? "ASSOCIATE" : "SECONDARY_VOCATIONAL";
		}
		if (rural) {
			return d < 0.38 ? "BACHELOR" : d < 0.86 ? "ASSOCIATE" : "SECONDARY_VOCATIONAL";
		}
		return d < 0.02 ? "MASTER" : d < 0.66 ? "BACHELOR" : d < 0.96 ? "ASSOCIATE" : "SECONDARY_VOCATIONAL";
	}

}
