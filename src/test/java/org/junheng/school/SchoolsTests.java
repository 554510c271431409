package org.junheng.school;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.system.NotFoundException;
import org.junheng.teacher.Teachers;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Schools} and {@link Teachers}, the APIs the exchange and plan features build on. */
@EndToEndTest
class SchoolsTests {

	@Autowired
	private Schools schools;

	@Autowired
	private Teachers teachers;

	@Test
	void schoolsAreLookedUpByIdAllAtOnce() {
		StepVerifier.create(this.schools.byIds(List.of(1L, 2L, 2L, 99_999_999L)))
			.assertNext((byId) -> {
				assertThat(byId).containsOnlyKeys(1L, 2L);
				assertThat(byId.get(1L).regionCode()).isEqualTo("511921");
			})
			.verifyComplete();
		StepVerifier.create(this.schools.require(99_999_999L, "input.toSchoolId"))
			.expectErrorMatches((error) -> error instanceof NotFoundException notFound && notFound.field().equals("input.toSchoolId"))
			.verify();
	}

	@Test
	void teachersAreLookedUpByIdAllAtOnce() {
		StepVerifier.create(this.teachers.byIds(List.of(1L, 2L)))
			.assertNext((byId) -> assertThat(byId.values()).hasSize(2).allSatisfy((teacher) -> assertThat(teacher.schoolId()).isPositive()))
			.verifyComplete();
		StepVerifier.create(this.teachers.find(99_999_999L)).verifyComplete();
	}

}
