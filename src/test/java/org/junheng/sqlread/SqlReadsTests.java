package org.junheng.sqlread;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.junheng.Tokens;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A query PostgreSQL answers whole gives what the field-by-field path gives ({@link BothPaths}). */
class SqlReadsTests {

	private static final String BENCH = "{ plan(id: \\\"UGxhbjox\\\") { id title startYear endYear status region { name } "
			+ "milestones { id title dueOn status progress achievedOn updatedAt } targets { id measure unit baseline targetValue deadline } } }";

	@RegisterExtension
	static final BothPaths paths = new BothPaths();

	/**
	 * Every field every package declares, reached from the root fields, selected at once (with an
	 * alias, a fragment and an inline fragment on the way): a declared column that the resolvers
	 * write otherwise fails here, and so does one declared later.
	 */
	@Test
	void everyDeclaredFieldReadsAsTheResolversWriteIt() {
		Map<String, JsonType> types = SqlReads.byName(List.copyOf(paths.sql.beans(JsonType.class)));
		String document = "query everything($id: ID!) { plan(id: $id) { ...whole } } fragment whole on Plan "
				+ selection(types.get("Plan"), types);
		double before = paths.answered("sql");
		JsonNode answer = paths.sameAnswer(document.replace("\"", "\\\""), "{\"id\":\"UGxhbjox\"}", Tokens.admin());
		assertThat(paths.answered("sql")).isEqualTo(before + 1);
		assertThat(answer.at("/data/plan/milestones").size()).isGreaterThan(3);
		assertThat(answer.at("/data/plan/targets").size()).isGreaterThan(3);
		assertThat(answer.at("/data/plan/region/name").asString()).isNotEmpty();
		assertThat(answer.at("/data/plan/alias").asString()).isEqualTo(answer.at("/data/plan/id").asString());
	}

	static String selection(JsonType type, Map<String, JsonType> types) {
		StringBuilder fields = new StringBuilder("{ __typename id alias: id ... on " + type.name + " { "
				+ String.join(" ", type.columns.keySet()) + " }");
		type.joins.forEach((field, join) -> fields.append(' ').append(field).append(' ').append(selection(types.get(join.type()), types)));
		return fields.append(" }").toString();
	}

	@Test
	void theScopeDecidesAsOnTheResolverPath() {
		List<String> callers = new ArrayList<>(List.of(Tokens.admin(),
				Tokens.token("county-viewer", List.of("VIEWER"), "511921", null),
				Tokens.token("city-planner", List.of("PLANNER"), "511900", null),
				Tokens.token("elsewhere", List.of("VIEWER"), "999999", null),
				Tokens.token("roleless", List.of(), null, null)));
		callers.add(null);
		int seen = 0;
		double sql = paths.answered("sql");
		double refused = paths.answered("lookup-refused");
		for (String caller : callers) {
			JsonNode answer = paths.sameAnswer(BENCH, "{}", caller);
			seen += answer.at("/data/plan/id").isString() ? 1 : 0;
		}
		// The admin, the county's viewer and the city's planner read it; the others get null or FORBIDDEN.
		assertThat(seen).isEqualTo(3);
		// Outside the region the statement finds nothing; without any scope the resolver answers FORBIDDEN.
		assertThat(paths.answered("sql")).isEqualTo(sql + 4);
		assertThat(paths.answered("lookup-refused")).isEqualTo(refused + 2);
	}

	@Test
	void unknownAndMalformedIdsAnswerAsBefore() {
		assertThat(paths.sameAnswer(BENCH.replace("UGxhbjox", "UGxhbjo5OTk5"), "{}", Tokens.admin()).at("/data/plan").isNull())
			.isTrue();
		assertThat(paths.sameAnswer(BENCH.replace("UGxhbjox", "nonsense"), "{}", Tokens.admin()).at("/errors/0/extensions/classification")
			.asString()).isEqualTo("BAD_REQUEST");
		assertThat(paths.sameAnswer(BENCH.replace("UGxhbjox", "UmVnaW9uOjUxMTkyMQ"), "{}", Tokens.admin()).at("/errors").size())
			.isEqualTo(1);
	}

	@Test
	void selectionsItDoesNotKnowRunFieldByField() {
		String[] documents = { "{ plan(id: \\\"UGxhbjox\\\") { title goals { position description } } }",
				"{ plan(id: \\\"UGxhbjox\\\") { title milestones(status: [ACHIEVED]) { title } } }",
				"{ plan(id: \\\"UGxhbjox\\\") { title @include(if: false) status } }",
				"{ plan(id: \\\"UGxhbjox\\\") { title targets { progress { fraction met } } } }",
				"{ a: plan(id: \\\"UGxhbjox\\\") { title } b: plan(id: \\\"UGxhbjox\\\") { status } }" };
		double before = paths.answered("sql");
		for (String document : documents) {
			assertThat(paths.sameAnswer(document, "{}", Tokens.admin()).has("data")).isTrue();
		}
		assertThat(paths.answered("sql")).isEqualTo(before);
	}

	/** Java's OffsetDateTime text (the DateTime scalar) and PostgreSQL's, for instants with and without seconds and fractions. */
	@Test
	void dateTimesAreWrittenAsJavaWritesThem() {
		DatabaseClient db = paths.sql.bean(DatabaseClient.class);
		for (String instant : new String[] { "2026-03-01 08:00:00+00", "2026-03-01 08:00:05+00", "2026-03-01 08:00:05.120+00",
				"2026-03-01 08:00:05.123456+00", "2026-12-31 23:59:59.999+00", "2026-03-01 08:00:00.000001+00" }) {
			Map<String, Object> row = db.sql("select t, " + SqlJson.dateTime("t") + " as text from (values (timestamptz '" + instant
					+ "')) v(t)").fetch().one().block(Duration.ofSeconds(10));
			assertThat(row.get("text")).as(instant).isEqualTo(((OffsetDateTime) row.get("t")).toString());
		}
	}

}
