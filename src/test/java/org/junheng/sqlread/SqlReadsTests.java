package org.junheng.sqlread;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

import org.junheng.OwnConnection;
import org.junheng.ServerInstance;
import org.junheng.Tokens;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query PostgreSQL answers whole gives what the field-by-field path gives: two instances on one
 * database, one with {@code junheng.graphql.sql-reads=false}, answer the same documents for the
 * same callers with the same data, fields, order, nulls and errors (numbers compared as numbers:
 * a Float of 100 is written {@code 100} by PostgreSQL and {@code 100.0} by Jackson). Region data
 * is private here ({@code public-read=false}), so the lookup's scope is what decides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlReadsTests {

	private static final String BENCH = "{ plan(id: \\\"UGxhbjox\\\") { id title startYear endYear status region { name } "
			+ "milestones { id title dueOn status progress achievedOn updatedAt } targets { id measure unit baseline targetValue deadline } } }";

	private final JsonMapper json = JsonMapper.builder().build();

	private ServerInstance sql;

	private ServerInstance fields;

	@BeforeAll
	void start() {
		Map<String, Object> common = Map.of("junheng.demo-data", "true", "junheng.security.public-read", "false");
		this.sql = ServerInstance.onTestDatabase(common);
		Map<String, Object> off = new LinkedHashMap<>(common);
		off.put("junheng.graphql.sql-reads", "false");
		this.fields = ServerInstance.onTestDatabase(off);
	}

	@AfterAll
	void stop() {
		this.sql.close();
		this.fields.close();
	}

	/**
	 * Every field every package declares, reached from the root fields, selected at once (with an
	 * alias, a fragment and an inline fragment on the way): a declared column that the resolvers
	 * write otherwise fails here, and so does one declared later.
	 */
	@Test
	void everyDeclaredFieldReadsAsTheResolversWriteIt() {
		Map<String, JsonType> types = new LinkedHashMap<>();
		this.sql.beans(JsonType.class)
			.forEach((type) -> types.put(type.name, type));
		String document = "query everything($id: ID!) { plan(id: $id) { ...whole } } fragment whole on Plan "
				+ selection(types.get("Plan"), types);
		double before = answered("sql");
		JsonNode answer = sameAnswer(document.replace("\"", "\\\""), "{\"id\":\"UGxhbjox\"}", Tokens.admin());
		assertThat(answered("sql")).isEqualTo(before + 1);
		assertThat(answer.at("/data/plan/milestones").size()).isGreaterThan(3);
		assertThat(answer.at("/data/plan/targets").size()).isGreaterThan(3);
		assertThat(answer.at("/data/plan/region/name").asString()).isNotEmpty();
		assertThat(answer.at("/data/plan/alias").asString()).isEqualTo(answer.at("/data/plan/id").asString());
	}

	private static String selection(JsonType type, Map<String, JsonType> types) {
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
		double sql = answered("sql");
		double refused = answered("lookup-refused");
		for (String caller : callers) {
			JsonNode answer = sameAnswer(BENCH, "{}", caller);
			seen += answer.at("/data/plan/id").isString() ? 1 : 0;
		}
		// The admin, the county's viewer and the city's planner read it; the others get null or FORBIDDEN.
		assertThat(seen).isEqualTo(3);
		// Outside the region the statement finds nothing; without any scope the resolver answers FORBIDDEN.
		assertThat(answered("sql")).isEqualTo(sql + 4);
		assertThat(answered("lookup-refused")).isEqualTo(refused + 2);
	}

	@Test
	void unknownAndMalformedIdsAnswerAsBefore() {
		assertThat(sameAnswer(BENCH.replace("UGxhbjox", "UGxhbjo5OTk5"), "{}", Tokens.admin()).at("/data/plan").isNull())
			.isTrue();
		assertThat(sameAnswer(BENCH.replace("UGxhbjox", "nonsense"), "{}", Tokens.admin()).at("/errors/0/extensions/classification")
			.asString()).isEqualTo("BAD_REQUEST");
		assertThat(sameAnswer(BENCH.replace("UGxhbjox", "UmVnaW9uOjUxMTkyMQ"), "{}", Tokens.admin()).at("/errors").size())
			.isEqualTo(1);
	}

	@Test
	void selectionsItDoesNotKnowRunFieldByField() {
		String[] documents = { "{ plan(id: \\\"UGxhbjox\\\") { title goals { position description } } }",
				"{ plan(id: \\\"UGxhbjox\\\") { title milestones(status: [ACHIEVED]) { title } } }",
				"{ plan(id: \\\"UGxhbjox\\\") { title @include(if: false) status } }",
				"{ plan(id: \\\"UGxhbjox\\\") { title targets { progress { fraction met } } } }",
				"{ a: plan(id: \\\"UGxhbjox\\\") { title } b: plan(id: \\\"UGxhbjox\\\") { status } }" };
		double before = answered("sql");
		for (String document : documents) {
			assertThat(sameAnswer(document, "{}", Tokens.admin()).has("data")).isTrue();
		}
		assertThat(answered("sql")).isEqualTo(before);
	}

	private double answered(String outcome) {
		return this.sql.bean(MeterRegistry.class).get("junheng.graphql.sql.reads").tag("outcome", outcome).counter().count();
	}

	/** Java's OffsetDateTime text (the DateTime scalar) and PostgreSQL's, for instants with and without seconds and fractions. */
	@Test
	void dateTimesAreWrittenAsJavaWritesThem() {
		DatabaseClient db = this.sql.bean(DatabaseClient.class);
		for (String instant : new String[] { "2026-03-01 08:00:00+00", "2026-03-01 08:00:05+00", "2026-03-01 08:00:05.120+00",
				"2026-03-01 08:00:05.123456+00", "2026-12-31 23:59:59.999+00", "2026-03-01 08:00:00.000001+00" }) {
			Map<String, Object> row = db.sql("select t, " + SqlJson.dateTime("t") + " as text from (values (timestamptz '" + instant
					+ "')) v(t)").fetch().one().block(Duration.ofSeconds(10));
			assertThat(row.get("text")).as(instant).isEqualTo(((OffsetDateTime) row.get("t")).toString());
		}
	}

	/** Asks both instances; their answers must be the same, compared in order with numbers as numbers. */
	private JsonNode sameAnswer(String document, String variables, String token) {
		String body = "{\"query\":\"" + document + "\",\"variables\":" + variables + "}";
		JsonNode compiled = post(this.sql, body, token);
		JsonNode byField = post(this.fields, body, token);
		assertThat(normalized(compiled)).as(document).isEqualTo(normalized(byField));
		return compiled;
	}

	private JsonNode post(ServerInstance server, String body, String token) {
		WebTestClient.RequestHeadersSpec<?> request = OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + server.port())
			.responseTimeout(Duration.ofSeconds(20)).build().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body);
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		byte[] answer = request.exchange().expectBody().returnResult().getResponseBody();
		return this.json.readTree(answer);
	}

	private static String normalized(JsonNode node) {
		if (node.isNumber()) {
			return Double.toString(node.asDouble());
		}
		if (node.isObject()) {
			Map<String, String> fields = new LinkedHashMap<>();
			node.properties().forEach((entry) -> fields.put(entry.getKey(), normalized(entry.getValue())));
			return fields.toString();
		}
		if (node.isArray()) {
			List<String> items = new ArrayList<>();
			node.forEach((item) -> items.add(normalized(item)));
			return items.toString();
		}
		return node.toString();
	}

}
