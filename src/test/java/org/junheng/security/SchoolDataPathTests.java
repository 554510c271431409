package org.junheng.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junheng.EndToEndTest;
import org.junheng.Tokens;
import org.junheng.security.AccessFixture.Who;
import org.junheng.system.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path matrix, generated from the schema: every field that returns school data (a type marked
 * {@code @schoolData}, or a School field marked so) is reached from every root query that leads
 * to it, and from the events of {@code milestoneUpdates}, as each role, over data with links across the two cities (an exchange and a pairing from
 * one city to the other, a plan target on a school the school administrator does not run, the
 * demo county nobody here may read). Whatever school data comes back must belong to a school the
 * caller may read, by an oracle of its own (region paths in SQL), and the national admin must see
 * everything the paths reach.
 */
@EndToEndTest
class SchoolDataPathTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int MAX_STEPS = 5;

	@Autowired
	private HttpGraphQlTester nationalAdmin;

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private DatabaseClient db;

	@LocalServerPort
	private int port;

	/** One step of a path: a field of a type, seen through an inline fragment when the parent is an interface. */
	record Step(GraphQLObjectType on, boolean fragment, GraphQLFieldDefinition field) {
	}

	@Test
	void everyPathToSchoolDataHoldsTheCallersScope() {
		AccessFixture w = new AccessFixture(this.nationalAdmin, this.port);
		String crossExchange = AccessFixture.write(this.nationalAdmin, "createExchange", Map.of("teacherId", w.otherTeacher,
				"toSchoolId", w.school, "schoolYear", 2025, "kind", "ROTATION", "startsOn", "2025-09-01", "endsOn", "2026-06-30"));
		String crossPairing = AccessFixture.write(this.nationalAdmin, "createPairing", Map.of("leadSchoolId", w.otherSchool,
				"supportedSchoolId", w.school, "mode", "ALLIANCE", "startsOn", "2025-09-01", "endsOn", "2027-06-30"));
		String target = AccessFixture.write(this.nationalAdmin, "addTarget", Map.of("planId", w.plan, "measure", "二小达标",
				"targetValue", 6, "deadline", "2027-06-30", "scope", "SCHOOL", "indicatorCode", "TEACHING_AREA", "schoolId",
				w.neighbour, "schoolYear", 2026));
		Map<String, String> nodes = Map.of("School", w.neighbour, "Teacher", w.teacher, "Exchange", crossExchange, "Pairing",
				crossPairing, "Plan", w.plan, "Target", target, "Milestone", w.milestone, "Region", AccessFixture.regionId(w.city));
		Map<String, List<String>> rootArguments = new HashMap<>();
		rootArguments.put("region", List.of("(code: \"511921\")", "(code: \"" + w.province + "\")"));
		rootArguments.put("regions", List.of("(first: 5, filter: { within: \"" + w.province + "\" })"));
		rootArguments.put("school", List.of("(id: \"" + w.school + "\")", "(id: \"" + w.otherSchool + "\")"));
		rootArguments.put("schools", List.of("(first: 20, filter: { regionCode: \"" + w.province + "\" })"));
		rootArguments.put("teachers", List.of("(first: 20, filter: { regionCode: \"" + w.province + "\" })"));
		rootArguments.put("exchanges", List.of("(first: 20, filter: { regionCode: \"" + w.province + "\" })"));
		rootArguments.put("pairings", List.of("(regionCode: \"" + w.province + "\")"));
		rootArguments.put("plans", List.of("(first: 5, filter: { regionCode: \"" + w.province + "\" })",
				"(first: 5, filter: { regionCode: \"511921\" })"));
		rootArguments.put("plan", List.of("(id: \"" + w.plan + "\")"));
		// The fixture's county has no conditions for the year (answered before any search); the demo county searches a second.
		rootArguments.put("exchangeProposal", List.of("(regionCode: \"" + w.county + "\", schoolYear: 2026)",
				"(regionCode: \"511921\", schoolYear: 2026, options: { timeLimitSeconds: 1 })"));

		GraphQLSchema schema = this.graphQlSource.schema();
		Set<String> targets = guardedFields(schema);
		Map<String, List<String>> documents = new LinkedHashMap<>();
		Set<String> reached = new LinkedHashSet<>();
		for (GraphQLFieldDefinition root : schema.getQueryType().getFieldDefinitions()) {
			List<String> variants = root.getName().equals("node") ? List.of("(id: $id)") : rootArguments.get(root.getName());
			if (variants == null) {
				continue;
			}
			Map<String, List<Step>> paths = pathsFrom(schema, root, targets);
			if (targets.contains("Query." + root.getName())) {
				paths.put("Query." + root.getName(), List.of());
			}
			for (Map.Entry<String, List<Step>> path : paths.entrySet()) {
				reached.add(path.getKey());
				for (String arguments : variants) {
					String rootType = (path.getValue().isEmpty()) ? "" : path.getValue().get(0).on().getName();
					String id = root.getName().equals("node") ? nodes.get(rootType) : null;
					if (root.getName().equals("node") && id == null) {
						continue;
					}
					String document = document(root, arguments, path.getValue(), id != null);
					documents.computeIfAbsent(document, (d) -> new ArrayList<>()).add((id != null) ? id : "");
				}
			}
		}
		assertThat(reached).as("every field returning school data is reached from some root").containsAll(targets);
		assertThat(documents).hasSizeGreaterThan(40);

		List<String> leaks = new ArrayList<>();
		Map<Who, Integer> seen = new HashMap<>();
		for (Map.Entry<String, List<String>> document : documents.entrySet()) {
			for (String id : document.getValue()) {
				for (Who who : Who.values()) {
					JsonNode answer = post(w, who, document.getKey(), id);
					List<String> schools = new ArrayList<>();
					walk(answer.path("data"), schema.getQueryType(), schema, schools, leaks, document.getKey(), who, w);
					seen.merge(who, schools.size(), Integer::sum);
				}
				JsonNode everything = postAsNationalAdmin(document.getKey(), id);
				assertThat(everything.path("errors").isMissingNode()).as(document.getKey() + " as the national admin: " + everything)
					.isTrue();
			}
		}
		// Subscriptions: every path from an event to school data, replayed from a cursor taken before
		// a milestone of the plan was tied to the target on the neighbouring school.
		String cursor = this.nationalAdmin.documentName("access/milestoneEventsCursor").execute().path("milestoneEventsCursor")
			.entity(String.class).get();
		AccessFixture.write(this.nationalAdmin, "addMilestone", Map.of("planId", w.plan, "title", "二小达标节点", "dueOn",
				"2026-12-31", "targetId", target));
		int subscriptions = 0;
		for (GraphQLFieldDefinition root : schema.getSubscriptionType().getFieldDefinitions()) {
			if (!root.getName().equals("milestoneUpdates")) {
				continue;
			}
			for (List<Step> path : pathsFrom(schema, root, targets).values()) {
				String document = "subscription" + document(root, "(planId: \"" + w.plan + "\", after: \"" + cursor + "\")", path,
						false).substring("query".length());
				subscriptions++;
				for (Who who : Who.values()) {
					org.springframework.graphql.test.tester.GraphQlTester.Response event = w.webSocket(who).document(document)
						.executeSubscription().toFlux().blockFirst(java.time.Duration.ofSeconds(10));
					event.errors().satisfy((errors) -> {
					});
					JsonNode data = json.valueToTree(Map.of(root.getName(), event.path(root.getName()).entity(Object.class).get()));
					List<String> schools = new ArrayList<>();
					walk(data, schema.getSubscriptionType(), schema, schools, leaks, document, who, w);
					seen.merge(who, schools.size(), Integer::sum);
				}
			}
		}
		assertThat(subscriptions).as("paths from subscription events to school data").isPositive();
		assertThat(leaks).as("school data outside the caller's scope").isEmpty();
		// Not vacuous: the city's roles read their own schools' data on these paths.
		assertThat(seen.get(Who.ADMIN)).isPositive();
		assertThat(seen.get(Who.SCHOOL_ADMIN)).isPositive();
		assertThat(seen.get(Who.ANONYMOUS)).isZero();
	}

	/** {@code Type.field} of every field that returns school data or reads a school's. */
	private static Set<String> guardedFields(GraphQLSchema schema) {
		Set<String> fields = new LinkedHashSet<>();
		for (GraphQLNamedOutputType type : schema.getAllTypesAsList().stream()
			.filter(GraphQLObjectType.class::isInstance).map(GraphQLNamedOutputType.class::cast).toList()) {
			GraphQLObjectType object = (GraphQLObjectType) type;
			if (object.getName().startsWith("__") || object.getName().equals("Mutation") || object.getName().equals("Subscription")) {
				continue;
			}
			for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
				if (schoolData(field)) {
					fields.add(object.getName() + "." + field.getName());
				}
			}
		}
		return fields;
	}

	private static boolean schoolData(GraphQLFieldDefinition field) {
		return field.hasAppliedDirective("schoolData") || (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType type
				&& type.hasAppliedDirective("schoolData"));
	}

	/** The shortest path from a root field to each guarded field it leads to, breadth first. */
	private static Map<String, List<Step>> pathsFrom(GraphQLSchema schema, GraphQLFieldDefinition root, Set<String> targets) {
		Map<String, List<Step>> found = new LinkedHashMap<>();
		Deque<List<Step>> queue = new ArrayDeque<>();
		Set<String> visited = new LinkedHashSet<>();
		for (Step first : stepsInto(schema, GraphQLTypeUtil.unwrapAll(root.getType()))) {
			if (arguable(first.field())) {
				queue.add(List.of(first));
			}
		}
		while (!queue.isEmpty()) {
			List<Step> path = queue.poll();
			Step last = path.get(path.size() - 1);
			String key = last.on().getName() + "." + last.field().getName();
			if (targets.contains(key)) {
				found.putIfAbsent(key, path);
			}
			if (path.size() >= MAX_STEPS || !visited.add(key + "@" + path.size())) {
				continue;
			}
			for (Step next : stepsInto(schema, GraphQLTypeUtil.unwrapAll(last.field().getType()))) {
				if (arguable(next.field())) {
					List<Step> longer = new ArrayList<>(path);
					longer.add(next);
					queue.add(longer);
				}
			}
		}
		return found;
	}

	private static List<Step> stepsInto(GraphQLSchema schema, graphql.schema.GraphQLType type) {
		List<Step> steps = new ArrayList<>();
		if (type instanceof GraphQLObjectType object) {
			object.getFieldDefinitions().forEach((field) -> steps.add(new Step(object, false, field)));
		}
		else if (type instanceof GraphQLInterfaceType contract) {
			for (GraphQLObjectType object : schema.getImplementations(contract)) {
				object.getFieldDefinitions().forEach((field) -> steps.add(new Step(object, true, field)));
			}
		}
		return steps;
	}

	/** Fields whose required arguments the matrix knows how to fill. */
	private static boolean arguable(GraphQLFieldDefinition field) {
		return field.getArguments().stream().allMatch((argument) -> !GraphQLTypeUtil.isNonNull(argument.getType())
				|| argument.hasSetDefaultValue() || List.of("schoolYear", "stage").contains(argument.getName()));
	}

	private static String arguments(GraphQLFieldDefinition field) {
		List<String> given = new ArrayList<>();
		for (var argument : field.getArguments()) {
			switch (argument.getName()) {
				case "schoolYear" -> given.add("schoolYear: 2026");
				case "stage" -> given.add("stage: PRIMARY");
				case "first" -> given.add("first: 5");
				default -> {
				}
			}
		}
		return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
	}

	private static String document(GraphQLFieldDefinition root, String rootArguments, List<Step> path, boolean node) {
		StringBuilder open = new StringBuilder((node ? "query ($id: ID!) " : "query ") + "{ " + root.getName() + rootArguments);
		StringBuilder close = new StringBuilder();
		for (Step step : path) {
			open.append(" { __typename");
			if (step.fragment()) {
				open.append(" ... on ").append(step.on().getName()).append(" {");
				close.insert(0, " }");
			}
			if (step.on().getFieldDefinition("id") != null) {
				open.append(" id");
			}
			open.append(' ').append(step.field().getName()).append(arguments(step.field()));
			close.insert(0, " }");
		}
		GraphQLFieldDefinition last = path.isEmpty() ? root : path.get(path.size() - 1).field();
		open.append(leaf(GraphQLTypeUtil.unwrapAll(last.getType())));
		return open.append(close).append(" }").toString();
	}

	private static String leaf(graphql.schema.GraphQLType type) {
		if (!(type instanceof GraphQLObjectType object)) {
			return "";
		}
		if (object.getFieldDefinition("edges") != null) {
			return " { edges { node { __typename id } } }";
		}
		return (object.getFieldDefinition("id") != null) ? " { __typename id }" : " { __typename }";
	}

	/**
	 * Walks an answer with its types: a School whose guarded fields carry values, and every object
	 * of a {@code @schoolData} type with an ID, must belong to a school the caller may read.
	 */
	private void walk(JsonNode node, GraphQLObjectType type, GraphQLSchema schema, List<String> schools, List<String> leaks,
			String document, Who who, AccessFixture w) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return;
		}
		if (node.isArray()) {
			node.forEach((item) -> walk(item, type, schema, schools, leaks, document, who, w));
			return;
		}
		GraphQLObjectType actual = node.has("__typename") ? schema.getObjectType(node.path("__typename").asString()) : type;
		if (actual == null) {
			return;
		}
		boolean guardedValues = false;
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			GraphQLFieldDefinition field = actual.getFieldDefinition(entry.getKey());
			if (field == null) {
				continue;
			}
			guardedValues |= field.hasAppliedDirective("schoolData") && !entry.getValue().isNull();
			if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType child) {
				walk(entry.getValue(), child, schema, schools, leaks, document, who, w);
			}
			else if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLInterfaceType) {
				walk(entry.getValue(), null, schema, schools, leaks, document, who, w);
			}
		}
		boolean owned = actual.hasAppliedDirective("schoolData") && node.has("id");
		if ((actual.getName().equals("School") && guardedValues) || owned) {
			String id = node.path("id").asString();
			schools.add(id);
			if (!readable(who, id, w)) {
				leaks.add(who + " read " + actual.getName() + " " + id + " in " + document);
			}
		}
	}

	/** The oracle: the object's schools, by SQL, against the region paths of the caller's token. */
	private boolean readable(Who who, String globalId, AccessFixture w) {
		GlobalId id = GlobalId.parse(globalId);
		String schoolsOf = switch (id.type()) {
			case "School" -> "select id as school from school where id = :key";
			case "Teacher" -> "select school_id as school from teacher where id = :key";
			case "Exchange" -> "select unnest(array[from_school_id, to_school_id]) as school from exchange where id = :key";
			case "Pairing" -> "select unnest(array[lead_school_id, supported_school_id]) as school from pairing where id = :key";
			default -> throw new IllegalStateException("not school data: " + globalId);
		};
		String scope = switch (who) {
			case ANONYMOUS -> "false";
			case SCHOOL_ADMIN -> "s.id = " + GlobalId.parse(w.school).key();
			case OTHER_ADMIN -> "r.path like (select path from region where code = '" + w.otherCity + "') || '%'";
			default -> "r.path like (select path from region where code = '" + w.city + "') || '%'";
		};
		return Boolean.TRUE.equals(this.db.sql("select exists (select 1 from school s join region r on r.code = s.region_code"
				+ " where s.id in (" + schoolsOf + ") and " + scope + ") as readable")
			.bind("key", Long.valueOf(id.key()))
			.map((row) -> row.get("readable", Boolean.class))
			.one()
			.block());
	}

	private JsonNode post(AccessFixture w, Who who, String document, String id) {
		return post(w.token(who), document, id);
	}

	private JsonNode postAsNationalAdmin(String document, String id) {
		return post(Tokens.admin(), document, id);
	}

	private JsonNode post(String token, String document, String id) {
		Map<String, Object> body = id.isEmpty() ? Map.of("query", document) : Map.of("query", document, "variables", Map.of("id", id));
		WebTestClient.RequestBodySpec request = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build()
			.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header("Authorization", Tokens.bearer(token));
		}
		byte[] answer = request.bodyValue(body).exchange().expectBody().returnResult().getResponseBody();
		return json.readTree(answer);
	}

}
