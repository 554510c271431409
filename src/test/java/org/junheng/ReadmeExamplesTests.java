package org.junheng;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples work as it says: every {@code ```graphql} block runs as the role its
 * marker names ({@code <!-- role: PLANNER of 511921 -->} on the line above) against the demo
 * county, with no error and nothing empty; and GraphiQL's default query shows teachers' names to
 * whom the README says it does. A mutation runs with the version the object has now, and the
 * object is put back as it was, so other tests see the demo data unchanged.
 */
@EndToEndTest
class ReadmeExamplesTests {

	private static final Pattern MARKER = Pattern
		.compile("<!-- role: (anonymous|(ADMIN|PLANNER|VIEWER) of (\\d{6})|SCHOOL_ADMIN of school (\\d+) in (\\d{6})) -->");

	private static final Pattern VERSIONED = Pattern.compile("id: \"([^\"]+)\", version: (\\d+)");

	@LocalServerPort
	private int port;

	@Test
	void everyGraphqlExampleAnswersAsTheRoleItNames() throws IOException {
		List<Example> examples = examples(Files.readAllLines(Path.of("README.md")));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
		for (Example example : examples) {
			if (example.document().strip().startsWith("mutation")) {
				runMutation(example);
			}
			else {
				assertAnswered(example, post(example.token(), example.document()));
			}
		}
	}

	@Test
	void graphiqlsDefaultQueryShowsTeachersNamesToWhomTheReadmeSays() throws IOException {
		String html = Files.readString(Path.of("src/main/resources/static/graphiql/index.html"));
		int start = html.indexOf("const defaultQuery = `") + "const defaultQuery = `".length();
		String query = html.substring(start, html.indexOf("`;", start));
		for (String who : List.of("ADMIN of 511900", "SCHOOL_ADMIN of school 7 in 511921")) {
			Map<String, Object> answer = post(token(who), query);
			assertThat(answer.get("errors")).as(who).isNull();
			assertThat(names(answer)).as(who).isNotEmpty().doesNotContainNull();
		}
		assertThat(schoolNames(post(token("SCHOOL_ADMIN of school 7 in 511921"), query))).containsExactly("通江县实验小学");
		for (String who : List.of("PLANNER of 511921", "VIEWER of 511921")) {
			Map<String, Object> answer = post(token(who), query);
			assertThat(names(answer)).as(who).isNotEmpty().containsOnlyNulls();
			assertThat((List<?>) answer.get("errors")).as(who).hasSameSizeAs(names(answer)).allSatisfy((error) -> {
				assertThat(error).extracting("extensions.classification").isEqualTo("FORBIDDEN");
				assertThat(error).extracting("path").asString().endsWith("node, name]");
			});
			assertThat(schoolNames(answer)).as(who).hasSize(5);
		}
		// Anonymous, one top-level field at a time, so that each field's refusal is seen on its own.
		for (String field : topLevelFields(query)) {
			Map<String, Object> anonymous = post(null, field);
			assertThat((List<?>) anonymous.get("errors")).as(field).isNotEmpty()
				.allSatisfy((error) -> assertThat(error).extracting("extensions.classification").isEqualTo("UNAUTHORIZED"));
		}
	}

	/** The operation once per top-level field, with that field alone. */
	private static List<String> topLevelFields(String query) {
		OperationDefinition operation = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).get(0);
		return operation.getSelectionSet().getSelections().stream()
			.map((field) -> AstPrinter.printAst(operation.transform((builder) -> builder
				.selectionSet(SelectionSet.newSelectionSet().selection(field).build()))))
			.toList();
	}

	/** The version read now instead of the README's, then the object put back as it was. */
	private void runMutation(Example example) {
		Matcher versioned = VERSIONED.matcher(example.document());
		assertThat(versioned.find()).as("a mutation example names an id and a version: %s", example).isTrue();
		String id = versioned.group(1);
		Map<String, Object> before = milestone(id);
		String document = versioned.replaceFirst("id: \"" + id + "\", version: " + before.get("version"));
		try {
			assertAnswered(example, post(example.token(), document));
		}
		finally {
			Map<String, Object> after = milestone(id);
			String restore = "mutation { updateMilestone(input: { id: \"" + id + "\", version: " + after.get("version") + ", status: "
					+ before.get("status") + ", progress: " + before.get("progress")
					+ ((before.get("achievedOn") != null) ? ", achievedOn: \"" + before.get("achievedOn") + "\"" : "")
					+ " }) { version } }";
			assertThat(post(Tokens.admin(), restore).get("errors")).as(restore).isNull();
			Map<String, Object> restored = milestone(id);
			restored.remove("version");
			before.remove("version");
			assertThat(restored).isEqualTo(before);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> milestone(String id) {
		Map<String, Object> answer = post(Tokens.admin(),
				"{ node(id: \"" + id + "\") { __typename ... on Milestone { version status progress achievedOn } } }");
		Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("node");
		assertThat(node).as("the README's mutation example names a milestone of the demo data: %s", id).isNotNull()
			.containsEntry("__typename", "Milestone");
		node.remove("__typename");
		return node;
	}

	private static void assertAnswered(Example example, Map<String, Object> answer) {
		assertThat(answer.get("errors")).as("errors of the example at README.md:%d", example.line()).isNull();
		assertThat(answer.get("data")).as("data of the example at README.md:%d", example.line()).isInstanceOf(Map.class);
		((Map<?, ?>) answer.get("data")).forEach((field, value) -> {
			assertThat(value).as("%s of the example at README.md:%d", field, example.line()).isNotNull();
			assertNotEmpty(value, String.valueOf(field), example);
		});
	}

	/** No page of the answer is empty, and nothing it counts is zero. */
	private static void assertNotEmpty(Object value, String path, Example example) {
		if (value instanceof Map<?, ?> map) {
			assertThat(map).as("%s of the example at README.md:%d", path, example.line()).isNotEmpty();
			map.forEach((key, nested) -> {
				if (key.equals("edges")) {
					assertThat((List<?>) nested).as("%s.edges of the example at README.md:%d", path, example.line()).isNotEmpty();
				}
				if (key.equals("totalCount")) {
					assertThat((Integer) nested).as("%s.totalCount of the example at README.md:%d", path, example.line()).isPositive();
				}
				assertNotEmpty(nested, path + "." + key, example);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach((item) -> assertNotEmpty(item, path + "[]", example));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object> names(Map<String, Object> answer) {
		Map<String, Object> teachers = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("teachers");
		return ((List<Map<String, Object>>) teachers.get("edges")).stream()
			.map((edge) -> ((Map<String, Object>) edge.get("node")).get("name")).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> schoolNames(Map<String, Object> answer) {
		Map<String, Object> region = (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("region");
		return ((List<Map<String, Object>>) ((Map<String, Object>) region.get("schools")).get("edges")).stream()
			.map((edge) -> ((Map<String, Object>) edge.get("node")).get("name")).toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(String token, String document) {
		WebTestClient.Builder builder = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.responseTimeout(Duration.ofSeconds(20));
		if (token != null) {
			builder.defaultHeader("Authorization", Tokens.bearer(token));
		}
		return builder.build().post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document))
			.exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	/** The README's {@code ```graphql} blocks, each with the role on the line above it. */
	static List<Example> examples(List<String> lines) {
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).strip().equals("```graphql")) {
				continue;
			}
			Matcher marker = MARKER.matcher((i > 0) ? lines.get(i - 1).strip() : "");
			assertThat(marker.matches()).as("README.md:%d: a graphql example needs <!-- role: … --> on the line above", i + 1)
				.isTrue();
			StringBuilder document = new StringBuilder();
			int line = i + 1;
			while (!lines.get(++i).strip().equals("```")) {
				document.append(lines.get(i)).append('\n');
			}
			examples.add(new Example(marker.group(1), document.toString(), line));
		}
		return examples;
	}

	static String token(String who) {
		Matcher marker = MARKER.matcher("<!-- role: " + who + " -->");
		assertThat(marker.matches()).as(who).isTrue();
		if (marker.group(2) != null) {
			return Tokens.token("readme-" + marker.group(2).toLowerCase(), List.of(marker.group(2)), marker.group(3), null);
		}
		if (marker.group(4) != null) {
			return Tokens.token("readme-school-admin", List.of("SCHOOL_ADMIN"), marker.group(5), marker.group(4));
		}
		return null;
	}

	record Example(String role, String document, int line) {

		String token() {
			return ReadmeExamplesTests.token(this.role);
		}

	}

}
