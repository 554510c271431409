package org.junheng.plan;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that is stopped and started again (Spring's test framework pauses cached contexts
 * this way) ends its live streams on stop and serves new ones after the start.
 */
@EndToEndTest
class MilestoneEventsLifecycleTests {

	@Autowired
	private MilestoneEvents events;

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void liveEventsFlowAgainAfterAStopAndAStart() {
		String plan = LivePlans.plan(this.graphQl);
		String milestone = LivePlans.milestones(this.graphQl, plan).get(0);
		StepVerifier.create(this.events.live((event) -> true))
			.then(this.events::stop)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		this.events.start();
		StepVerifier.create(this.events.live((event) -> true).take(1))
			.then(() -> LivePlans.update(this.graphQl, milestone, Map.of("progress", 30)))
			.assertNext((event) -> assertThat(event.kind()).isEqualTo(MilestoneEventKind.PROGRESS_CHANGED))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
