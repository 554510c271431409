package org.junheng.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobalIdTests {

	@Test
	void idsRoundTripAndStayOpaque() {
		String id = GlobalId.of("School", 42);
		assertThat(id).doesNotContain("School").doesNotContain(":");
		assertThat(GlobalId.parse(id)).isEqualTo(new GlobalId("School", "42"));
		assertThat(GlobalId.key(id, "School", "input.id")).isEqualTo(42L);
	}

	@Test
	void anIdOfAnotherTypeOrNoIdAtAllIsRefusedWithTheField() {
		assertThatThrownBy(() -> GlobalId.key(GlobalId.of("Teacher", 42), "School", "input.schoolId"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems()).extracting(InvalidInputException.Problem::field).containsExactly("input.schoolId"));
		assertThatThrownBy(() -> GlobalId.key("%%%", "School", "id")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> GlobalId.key(GlobalId.of("School", "x"), "School", "id")).isInstanceOf(InvalidInputException.class);
		assertThat(GlobalId.parse(null)).isNull();
	}

}
