package org.junheng.sqlread;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.junheng.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of schools and teachers PostgreSQL writes whole are the pages Keyset writes ({@link BothPaths}):
 * the same rows, order, cursors, page info and counts whichever way a client pages, and the same
 * schema rules (@schoolData, @personal) for every caller.
 */
class SqlReadPagesTests {

	private static final String PAGE_INFO = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } ";

	private static final String SCHOOLS = "query page($first: Int, $after: String, $last: Int, $before: String, $filter: SchoolFilter, "
			+ "$orderBy: SchoolOrder) { schools(first: $first, after: $after, last: $last, before: $before, filter: $filter, "
			+ "orderBy: $orderBy) { " + PAGE_INFO + "edges { cursor node { id code name stage locality region { code name } teacherCount } } } }";

	private static final String TEACHERS = "query page($first: Int, $after: String, $last: Int, $before: String, $filter: TeacherFilter, "
			+ "$orderBy: TeacherOrder) { teachers(first: $first, after: $after, last: $last, before: $before, filter: $filter, "
			+ "orderBy: $orderBy) { " + PAGE_INFO + "edges { cursor node { id name highestDegree backboneLevel school { name } } } } }";

	@RegisterExtension
	static final BothPaths paths = new BothPaths();

	/** Every field the packages declare for schools and teachers, a teacher's school's included. */
	@Test
	void everyDeclaredFieldOfAPageReadsAsTheResolversWriteIt() {
		Map<String, JsonType> types = SqlReads.byName(List.copyOf(paths.sql.beans(JsonType.class)));
		double before = paths.answered("sql");
		for (String root : new String[] { "schools", "teachers" }) {
			String type = root.equals("schools") ? "School" : "Teacher";
			String document = "{ " + root + "(first: 7) { __typename " + PAGE_INFO + "edges { __typename cursor node "
					+ SqlReadsTests.selection(types.get(type), types) + " } } }";
			JsonNode answer = paths.sameAnswer(document, "{}", Tokens.admin());
			assertThat(answer.at("/data/" + root + "/edges").size()).as(root).isEqualTo(7);
		}
		assertThat(paths.answered("sql")).isEqualTo(before + 2);
	}

	/** Forward and backward, in every order, following the cursors each answer gives, to the ends and past them. */
	@Test
	void pagingFollowsTheCursorsAsKeysetDoes() {
		double before = paths.answered("sql");
		int asked = 0;
		for (String order : new String[] { "null", "{\"field\":\"CODE\",\"direction\":\"DESC\"}", "{\"field\":\"CREATED\"}" }) {
			String filter = ",\"filter\":{\"regionCode\":\"511921\"},\"orderBy\":" + order;
			JsonNode page = schools("{\"first\":40" + filter + "}");
			asked++;
			int seen = page.at("/edges").size();
			while (page.at("/pageInfo/hasNextPage").asBoolean()) {
				page = schools("{\"first\":40,\"after\":\"" + page.at("/pageInfo/endCursor").asString() + "\"" + filter + "}");
				asked++;
				seen += page.at("/edges").size();
			}
			assertThat(seen).as(order).isEqualTo(page.at("/totalCount").asInt()).isGreaterThan(40);
			JsonNode back = schools("{\"last\":15,\"before\":\"" + page.at("/pageInfo/startCursor").asString() + "\"" + filter + "}");
			assertThat(back.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
			schools("{\"last\":15" + filter + "}");
			schools("{\"first\":0" + filter + "}");
			// past the end: an empty page that still knows it had a cursor
			schools("{\"first\":5,\"after\":\"" + page.at("/pageInfo/endCursor").asString() + "\"" + filter + "}");
			asked += 4;
		}
		// Filters of every kind the resolver binds (enum lists, booleans, an enum, a global ID), and the teachers' other orders.
		for (String variables : new String[] { "{\"first\":10,\"filter\":{\"stage\":[\"PRIMARY\",\"NINE_YEAR\"],\"locality\":[\"RURAL\",\"TOWN\"],\"boarding\":false}}",
				"{\"first\":10,\"filter\":{\"name\":\"小学\",\"schoolYear\":2025},\"orderBy\":{\"field\":\"NAME\",\"direction\":\"DESC\"}}" }) {
			assertThat(schools(variables).at("/edges").size()).as(variables).isGreaterThan(0);
			asked++;
		}
		for (String variables : new String[] { "{\"first\":10,\"filter\":{\"highestDegree\":[\"BACHELOR\",\"MASTER\"],\"backbone\":false,\"status\":\"ANY\"},\"orderBy\":{\"field\":\"CREATED\",\"direction\":\"DESC\"}}",
				"{\"first\":10,\"filter\":{\"schoolId\":\"U2Nob29sOjE\",\"subject\":\"语文\"}}" }) {
			assertThat(paths.sameAnswer(TEACHERS, variables, Tokens.admin()).at("/data/teachers/edges").size()).as(variables)
				.isGreaterThan(0);
			asked++;
		}
		JsonNode teachers = paths.sameAnswer(TEACHERS, "{\"first\":20,\"filter\":{\"regionCode\":\"511921\",\"name\":\"王\"}}",
				Tokens.admin());
		assertThat(teachers.at("/data/teachers/edges").size()).isGreaterThan(0);
		paths.sameAnswer(TEACHERS, "{\"last\":3,\"before\":\"" + teachers.at("/data/teachers/pageInfo/endCursor").asString()
				+ "\",\"filter\":{\"regionCode\":\"511921\",\"name\":\"王\"}}",
				Tokens.admin());
		// A name search reads its matches once for the page and its total: forward past a cursor, and without the total.
		JsonNode next = paths.sameAnswer(TEACHERS, "{\"first\":20,\"after\":\"" + teachers.at("/data/teachers/pageInfo/endCursor").asString()
				+ "\",\"filter\":{\"regionCode\":\"511921\",\"name\":\"王\"}}", Tokens.admin());
		assertThat(next.at("/data/teachers/pageInfo/hasPreviousPage").asBoolean()).isTrue();
		assertThat(next.at("/data/teachers/totalCount").asInt()).isEqualTo(teachers.at("/data/teachers/totalCount").asInt())
			.isGreaterThan(20);
		assertThat(paths.sameAnswer(TEACHERS.replace("totalCount ", ""), "{\"first\":20,\"filter\":{\"name\":\"王\"}}",
				Tokens.admin()).at("/data/teachers/edges").size()).isEqualTo(20);
		assertThat(paths.answered("sql")).isEqualTo(before + asked + 4);
	}

	/** Malformed cursors, a cursor of another list and bad sizes: the resolver answers the error, as before. */
	@Test
	void badPagingArgumentsAnswerAsBefore() {
		double refused = paths.answered("lookup-refused");
		JsonNode teacher = paths.sameAnswer(TEACHERS, "{\"first\":1}", Tokens.admin());
		String[] variables = { "{\"after\":\"nonsense\"}", "{\"after\":\"" + teacher.at("/data/teachers/pageInfo/endCursor").asString()
				+ "\"}", "{\"first\":101}", "{\"first\":3,\"last\":3}" };
		for (String variable : variables) {
			JsonNode answer = paths.sameAnswer(SCHOOLS, variable, Tokens.admin());
			assertThat(answer.at("/errors/0/extensions/classification").asString()).as(variable).isEqualTo("BAD_REQUEST");
		}
		assertThat(paths.answered("lookup-refused")).isEqualTo(refused + variables.length);
	}

	/**
	 * The lists' scope and the schema's rules hold for every caller: rows outside the list's scope
	 * are not listed, a @personal name outside the caller's personal scope makes the query run
	 * field by field (where the guard answers FORBIDDEN), and a caller the list refuses is
	 * answered by the resolver.
	 */
	@Test
	void theScopeAndTheSchemaRulesDecideAsOnTheResolverPath() {
		String school = paths.sameAnswer(SCHOOLS, "{\"first\":1,\"filter\":{\"regionCode\":\"511921\"}}", Tokens.admin())
			.at("/data/schools/edges/0/node/id").asString();
		List<String> readers = List.of(Tokens.admin(), Tokens.token("county-admin", List.of("ADMIN"), "511921", null),
				Tokens.token("school-admin", List.of("SCHOOL_ADMIN"), "511921", school),
				Tokens.token("elsewhere", List.of("ADMIN"), "999999", null));
		List<String> noNames = List.of(Tokens.token("county-viewer", List.of("VIEWER"), "511921", null),
				Tokens.token("city-planner", List.of("PLANNER"), "511900", null));
		double sql = paths.answered("sql");
		double ruled = paths.answered("rule-refused");
		double refused = paths.answered("lookup-refused");
		for (String caller : readers) {
			paths.sameAnswer(SCHOOLS, "{\"first\":30}", caller);
			paths.sameAnswer(TEACHERS, "{\"first\":30,\"filter\":{\"name\":\"王\"}}", caller);
		}
		for (String caller : noNames) {
			paths.sameAnswer(SCHOOLS, "{\"first\":30}", caller);
			JsonNode named = paths.sameAnswer(TEACHERS, "{\"first\":30}", caller);
			assertThat(named.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
			paths.sameAnswer(TEACHERS, "{\"first\":30,\"filter\":{\"name\":\"王\"}}", caller);
		}
		JsonNode viewer = paths.sameAnswer(TEACHERS.replace("name highestDegree", "highestDegree"), "{\"first\":30}", noNames.get(0));
		assertThat(viewer.at("/data/teachers/edges").size()).isEqualTo(30);
		for (String caller : new String[] { null, Tokens.token("roleless", List.of(), null, null) }) {
			paths.sameAnswer(SCHOOLS, "{\"first\":30}", caller);
			paths.sameAnswer(TEACHERS, "{\"first\":30}", caller);
		}
		assertThat(paths.answered("sql")).isEqualTo(sql + readers.size() * 2 + noNames.size() + 1);
		assertThat(paths.answered("rule-refused")).isEqualTo(ruled + noNames.size());
		assertThat(paths.answered("lookup-refused")).isEqualTo(refused + noNames.size() + 4);
	}

	private JsonNode schools(String variables) {
		return paths.sameAnswer(SCHOOLS, variables, Tokens.admin()).at("/data/schools");
	}

}
