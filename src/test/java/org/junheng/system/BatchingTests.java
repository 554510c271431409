package org.junheng.system;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.SqlStatements;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the SQL statements a request sends do not grow with the number of rows it returns,
 * because every nested field is loaded for the whole page at once.
 */
@EndToEndTest
class BatchingTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private SqlStatements sql;

	@Autowired
	private ExecutionGraphQlService service;

	@BeforeEach
	void warmUp() {
		// The first request of a context checks the pool's connections; count steady-state requests only.
		statementsFor("schoolPageByField", 5);
	}

	/**
	 * Three statements field by field (the page with its count, regions, teacher counts), one when
	 * PostgreSQL writes the page whole ({@code sqlread}); {@code @include} on a field keeps a query
	 * on the field-by-field path.
	 */
	@Test
	void pageOfSchoolsWithRegionTeacherCountAndTotalTakesThreeStatementsOrOneWhateverItsSize() {
		int small = statementsFor("schoolPageByField", 5);
		int large = statementsFor("schoolPageByField", 50);
		assertThat(large).as(String.join("\n", this.sql.statements())).isEqualTo(small).isEqualTo(3);
		assertThat(statementsFor("schoolPage", 50)).isEqualTo(statementsFor("schoolPage", 5)).isEqualTo(1);
	}

	@Test
	void wholeCountyGraphTakesNoMoreStatementsForFiftySchoolsThanForFive() {
		int small = countyStatements(5);
		int large = countyStatements(50);
		// One statement per batched field, not per row: the region, its parents and children, plans
		// with goals, tasks, milestones, targets and their regions, the school page and its count,
		// school regions, teacher counts, conditions, history, pairings and their two schools,
		// teachers and their schools, exchanges and their three ends. That is 26; a loader whose
		// keys arrive from two asynchronous branches may be dispatched twice, hence the margin of
		// two, which is still far below one statement per school (50 or more).
		assertThat(small).as("5 schools").isLessThanOrEqualTo(28);
		assertThat(large).as(String.join("\n", this.sql.statements())).isLessThanOrEqualTo(28).isLessThanOrEqualTo(small + 2);
	}

	@Test
	void aRequestMakesOnlyTheDataLoadersItsFieldsAskFor() {
		OnDemandDataLoaders loaders = new OnDemandDataLoaders();
		ExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(
				"{ schools(first: 3) { edges { node { name @include(if: true) region { name } } } } }", null, null, null, "loaders", null);
		request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(loaders)
			.graphQLContext((context) -> context.put(Caller.KEY, new Caller("batching", Set.of(Role.ADMIN), Caller.NATIONAL, null)))
			.build());
		StepVerifier.create(this.service.execute(request))
			.assertNext((response) -> {
				assertThat(response.getErrors()).isEmpty();
				java.util.List<?> edges = response.field("schools.edges").getValue();
				assertThat(edges).hasSize(3);
				String region = response.field("schools.edges[2].node.region.name").getValue();
				assertThat(region).isNotBlank();
			})
			.verifyComplete();
		// One of the graph's forty-odd loaders (@include keeps the query field by field).
		assertThat(loaders.getKeys()).containsExactly("School.region");
	}

	private int statementsFor(String document, int first) {
		this.sql.reset();
		this.graphQl.documentName(document).variable("first", first).execute()
			.errors().verify()
			.path("schools.edges").entityList(Object.class).hasSize(first);
		return this.sql.count();
	}

	private int countyStatements(int first) {
		this.sql.reset();
		this.graphQl.documentName("countyGraph").variable("code", "511921").variable("first", first).execute()
			.errors().verify()
			.path("region.schools.edges").entityList(Object.class).hasSize(first);
		return this.sql.count();
	}

}
