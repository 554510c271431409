package org.junheng.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.r2dbc.mapping.event.BeforeConvertCallback;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A plan is written whole or not at all: when the last row of a plan (a target) fails to be
 * written, the plan, its goals, tasks and milestones written before it are rolled back.
 */
@EndToEndTest
@Import(PlanTransactionTests.FailingTargets.class)
class PlanTransactionTests {

	static final String FAILING_MEASURE = "故障注入";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void aFailureWritingTheLastRowLeavesNoPartOfThePlan() {
		String county = TestData.county(this.graphQl);
		Map<String, Object> input = Map.of("regionCode", county, "title", "会失败的规划", "startYear", 2026, "endYear", 2027,
				"goals", List.of("目标"), "milestones", List.of(Map.of("title", "节点", "dueOn", "2026-09-30")),
				"targets", List.of(Map.of("measure", FAILING_MEASURE, "targetValue", 1, "deadline", "2027-12-31")));
		this.graphQl.documentName("createPlan").variable("input", input).execute()
			.errors().satisfy((errors) -> org.assertj.core.api.Assertions.assertThat(errors).singleElement()
				.satisfies((error) -> org.assertj.core.api.Assertions.assertThat(error.getExtensions())
					.containsEntry("classification", "INTERNAL_ERROR")));
		this.graphQl.documentName("plansOfRegion").variable("code", county).execute()
			.path("plans.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.document("{ milestones: plans(filter: { title: \"会失败的规划\" }) { totalCount } }").execute()
			.path("milestones.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingTargets {

		@Bean
		BeforeConvertCallback<Target> failingTarget() {
			return (target, table) -> FAILING_MEASURE.equals(target.measure())
					? Mono.error(new IllegalStateException("injected failure")) : Mono.just(target);
		}

	}

}
