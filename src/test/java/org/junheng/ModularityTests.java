package org.junheng;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature packages stay untangled: no cycles between them, and none reaches into another's
 * internals (only public types of a feature's top package are its API).
 */
class ModularityTests {

	@Test
	void featurePackagesHaveNoCyclesAndUseOnlyEachOthersApi() {
		ApplicationModules modules = ApplicationModules.of(JunhengApplication.class);
		assertThat(modules.stream().map((module) -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrder("demo", "exchange", "imports", "indicator", "live", "plan", "planner", "region", "school", "security", "sqlread",
					"system", "teacher");
		modules.verify();
	}

}
