package org.junheng.sqlread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.junheng.OwnConnection;
import org.junheng.ServerInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, one with {@code junheng.graphql.sql-reads=false}, asked the same
 * documents: their answers must be the same, with the same data, fields, order, nulls and errors
 * (numbers compared as numbers: a Float of 100 is written {@code 100} by PostgreSQL and
 * {@code 100.0} by Jackson). Region data is private here ({@code public-read=false}), so the
 * lookup's scope is what decides. A test class registers it ({@code @RegisterExtension}): the
 * instances start before its tests and stop after them.
 */
final class BothPaths implements BeforeAllCallback, AfterAllCallback {

	private final JsonMapper json = JsonMapper.builder().build();

	ServerInstance sql;

	ServerInstance fields;

	@Override
	public void beforeAll(ExtensionContext context) {
		Map<String, Object> common = Map.of("junheng.demo-data", "true", "junheng.security.public-read", "false");
		this.sql = ServerInstance.onTestDatabase(common);
		Map<String, Object> off = new LinkedHashMap<>(common);
		off.put("junheng.graphql.sql-reads", "false");
		this.fields = ServerInstance.onTestDatabase(off);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.sql.close();
		this.fields.close();
	}

	/** How many queries the SQL instance answered so ({@code junheng.graphql.sql.reads}). */
	double answered(String outcome) {
		return this.sql.bean(MeterRegistry.class).get("junheng.graphql.sql.reads").tag("outcome", outcome).counter().count();
	}

	/** Asks both instances; their answers must be the same, compared in order with numbers as numbers. */
	JsonNode sameAnswer(String document, String variables, String token) {
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
