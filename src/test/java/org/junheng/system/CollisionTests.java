package org.junheng.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that PostgreSQL rolls back for meeting another (a deadlock, a serialization failure, a
 * lock not granted in time) tells the client to send it again: CONFLICT with {@code retryable:
 * true}, not INTERNAL_ERROR; other errors PostgreSQL raises are neither collisions nor outages. The failures are PostgreSQL's own, raised with those SQL states and
 * translated by the driver and Spring as any statement's would be.
 */
@EndToEndTest
class CollisionTests {

	@Autowired
	private DatabaseClient db;

	@Autowired
	private GraphQlErrors errors;

	@ParameterizedTest
	@ValueSource(strings = { "40P01", "40001", "55P03" })
	void aCollidedWriteIsARetryableConflict(String sqlState) {
		Throwable failure = failureOf("do $$ begin raise exception 'collided' using errcode = '" + sqlState + "'; end $$");
		assertThat(Collision.is(failure)).as(failure.toString()).isTrue();
		GraphQLError error = resolved(failure);
		assertThat(error.getErrorType()).isEqualTo(ErrorKind.CONFLICT);
		assertThat(error.getExtensions()).containsEntry("retryable", true);
		assertThat(error.getMessage()).isEqualTo("The change collided with another made at the same moment and was not made; send it again");
	}

	@Test
	void otherFailuresAreNotCollisions() {
		Throwable failure = failureOf("do $$ begin raise exception 'broken'; end $$");
		assertThat(Collision.is(failure)).isFalse();
		assertThat(resolved(failure).getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
		assertThat(DatabaseUnavailable.is(failure)).as("a raise is no outage").isFalse();
		Throwable division = failureOf("select 1 / 0");
		assertThat(Collision.is(division)).isFalse();
		assertThat(DatabaseUnavailable.is(division)).isFalse();
		// A failure without an SQL state, as a lost connection's, is none either.
		assertThat(Collision.is(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new R2dbcNonTransientResourceException("Connection refused")))).isFalse();
	}

	private Throwable failureOf(String sql) {
		Throwable[] failure = new Throwable[1];
		this.db.sql(sql).then().onErrorResume((ex) -> {
			failure[0] = ex;
			return Mono.empty();
		}).block(Duration.ofSeconds(10));
		assertThat(failure[0]).as("PostgreSQL refused " + sql).isNotNull();
		return failure[0];
	}

	private GraphQLError resolved(Throwable failure) {
		DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.mergedField(MergedField.newMergedField(Field.newField("updateSchool").build()).build())
			.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
				.path(ResultPath.parse("/updateSchool")).build())
			.locale(Locale.ENGLISH)
			.build();
		List<GraphQLError> resolved = this.errors.resolveException(failure, env).block(Duration.ofSeconds(5));
		assertThat(resolved).hasSize(1);
		return resolved.get(0);
	}

}
