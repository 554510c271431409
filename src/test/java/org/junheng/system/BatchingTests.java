package org.junheng.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
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

	@BeforeEach
	void warmUp() {
		// The first request of a context checks the pool's connections; count steady-state requests only.
		statementsFor(5);
	}

	@Test
	void pageOfSchoolsWithRegionTeacherCountAndTotalTakesThreeStatementsWhateverItsSize() {
		int small = statementsFor(5);
		int large = statementsFor(50);
		assertThat(large).as(String.join("\n", this.sql.statements())).isEqualTo(small).isEqualTo(3);
	}

	@Test
	void wholeCountyGraphTakesAsManyStatementsForFiftySchoolsAsForFive() {
		int small = countyStatements(5);
		int large = countyStatements(50);
		assertThat(large).as(String.join("\n", this.sql.statements())).isEqualTo(small);
		// plans, goals, tasks, milestones, targets, plan regions, parents (2), children, page, total,
		// regions, teacher counts, conditions, history, pairings (+2 schools), teachers, teacher
		// schools, exchanges (+3), and the region itself: one statement per field, not per row.
		assertThat(large).isLessThanOrEqualTo(26);
	}

	private int statementsFor(int first) {
		this.sql.reset();
		this.graphQl.documentName("schoolPage").variable("first", first).execute()
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
