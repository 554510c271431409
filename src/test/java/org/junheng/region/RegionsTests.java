package org.junheng.region;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.system.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Regions}, the region API other features use. */
@EndToEndTest
class RegionsTests {

	@Autowired
	private Regions regions;

	@Test
	void requireFindsARegionOrNamesTheFieldThatWasWrong() {
		StepVerifier.create(this.regions.require("511921", "input.regionCode"))
			.assertNext((region) -> assertThat(region.path()).isEqualTo("510000/511900/511921"))
			.verifyComplete();
		StepVerifier.create(this.regions.require("999998", "input.regionCode"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(NotFoundException.class)
				.extracting((e) -> ((NotFoundException) e).field()).isEqualTo("input.regionCode"))
			.verify();
	}

	@Test
	void byCodesReturnsTheKnownRegionsInOneLookup() {
		StepVerifier.create(this.regions.byCodes(List.of("511921", "510000", "511921", "999998")))
			.assertNext((byCode) -> assertThat(byCode).containsOnlyKeys("511921", "510000"))
			.verifyComplete();
	}

	@Test
	void codesHaveSixDigitsNotStartingWithZero() {
		assertThat(Regions.isCode("511921")).isTrue();
		assertThat(Regions.isCode("011921")).isFalse();
		assertThat(Regions.isCode("51192")).isFalse();
		assertThat(Regions.isCode(null)).isFalse();
	}

}
