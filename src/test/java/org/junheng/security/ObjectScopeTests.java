package org.junheng.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.junheng.security.AccessFixture.Who;
import org.junheng.system.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of outside testing, each on the path it was found on: scope is enforced on every
 * object wherever it is reached, not only where a list is read, and writes check every object
 * they touch.
 */
@EndToEndTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectScopeTests {

	@Autowired
	private HttpGraphQlTester nationalAdmin;

	@Autowired
	private DatabaseClient db;

	@LocalServerPort
	private int port;

	private AccessFixture w;

	private String neighbourTeacher;

	private String crossExchange;

	private String movedTeacher;

	private String foreignExchange;

	private String neighbourTarget;

	@BeforeAll
	void buildTwoCitiesWithLinksAcross() {
		this.w = new AccessFixture(this.nationalAdmin, this.port);
		this.neighbourTeacher = TestData.teacher(this.nationalAdmin, this.w.neighbour, "赵老师");
		String otherSchool2 = TestData.school(this.nationalAdmin, this.w.otherCounty, "邻县二小");
		// The other city's teacher rotates into the first city: seen from both ends.
		this.crossExchange = exchange(this.w.otherTeacher, this.w.school);
		// A teacher now at the first city's school whose past exchange ran between two schools of the other city.
		this.movedTeacher = TestData.teacher(this.nationalAdmin, this.w.otherSchool, "钱老师");
		this.foreignExchange = exchange(this.movedTeacher, otherSchool2);
		this.nationalAdmin.documentName("access/updateTeacher")
			.variable("input", Map.of("id", this.movedTeacher, "version", 0, "schoolId", this.w.school)).execute()
			.errors().verify();
		this.neighbourTarget = AccessFixture.write(this.nationalAdmin, "addTarget", Map.of("planId", this.w.plan, "measure",
				"二小生均教学用房", "targetValue", 6, "deadline", "2027-06-30", "scope", "SCHOOL", "indicatorCode", "TEACHING_AREA",
				"schoolId", this.w.neighbour, "schoolYear", 2026));
	}

	private String exchange(String teacher, String toSchool) {
		return AccessFixture.write(this.nationalAdmin, "createExchange", Map.of("teacherId", teacher, "toSchoolId", toSchool,
				"schoolYear", 2025, "kind", "ROTATION", "startsOn", "2025-09-01", "endsOn", "2026-06-30"));
	}

	@Test
	void cursorsCarryTheRowKeyAndNoFieldValues() {
		for (Who who : List.of(Who.VIEWER, Who.ADMIN, Who.SCHOOL_ADMIN)) {
			GraphQlTester.Response response = this.w.http(who).documentName("scope/teacherCursors")
				.variable("code", this.w.city).execute();
			List<String> cursors = response.path("teachers.edges[*].cursor").entityList(String.class).get();
			cursors.addAll(response.path("region.schools.edges[*].node.teachers.edges[*].cursor").entityList(String.class).get());
			assertThat(cursors).as(who.name()).isNotEmpty().allSatisfy((cursor) -> assertThat(decoded(cursor))
				.matches("teacher-(NAME|CREATED)\\|[0-9]+").doesNotContain("李老师").doesNotContain("钱老师"));
		}
		// Without the right to names, the default order is the order of creation, never the names'.
		String viewerCursor = this.w.http(Who.VIEWER).documentName("scope/teacherCursors").variable("code", this.w.city).execute()
			.path("teachers.edges[0].cursor").entity(String.class).get();
		assertThat(decoded(viewerCursor)).startsWith("teacher-CREATED|");
	}

	@Test
	void orderingByAPersonalFieldIsNoOracle() {
		GraphQlTester.Response byName = this.w.http(Who.VIEWER).documentName("scope/teacherCursors")
			.variable("code", this.w.city).variable("order", Map.of("field", "NAME")).execute();
		byName.errors().satisfy((errors) -> assertThat(errors).anySatisfy((error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN").containsEntry("field", "orderBy.field");
			assertThat(error.getPath()).isEqualTo("teachers");
		}));
		// A hand-made cursor carrying a name is no cursor at all.
		this.w.http(Who.ADMIN).documentName("scope/teacherCursors").variable("code", this.w.city)
			.variable("after", encoded("teacher-NAME|0|王")).execute()
			.errors().satisfy((errors) -> assertThat(errors).anySatisfy((error) -> assertThat(error.getExtensions())
				.containsEntry("classification", "BAD_REQUEST").containsEntry("field", "after")));
		// A cursor made from a row outside the list finds no position, so it cannot tell where that row sorts.
		String outside = encoded("teacher-NAME|" + GlobalId.parse(this.w.otherTeacher).key());
		this.w.http(Who.ADMIN).documentName("scope/teacherCursors").variable("code", this.w.city).variable("after", outside)
			.execute().errors().verify().path("teachers.edges").entityList(Object.class).hasSize(0);
	}

	@Test
	void schoolsReachedOnSidePathsShowTheirIdentityButNotTheirFigures() {
		GraphQlTester.Response anonymous = this.w.http(Who.ANONYMOUS).documentName("scope/shortfallSchools").execute();
		List<ResponseError> errors = errorsOf(anonymous);
		assertThat(errors).isNotEmpty().allSatisfy((error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHORIZED");
			assertThat(error.getPath()).matches(".*\\.school\\.(conditions|pairings|teacherCount)");
		});
		assertThat(anonymous.path("region.balance.indicators[*].shortfalls[*].school.name").entityList(String.class).get())
			.isNotEmpty().allSatisfy((name) -> assertThat(name).isNotBlank());
		assertThat(anonymous.path("region.balance.indicators[*].shortfalls[*].school.conditions").entityList(Object.class).get())
			.allSatisfy((conditions) -> assertThat(conditions).isNull());
		// The school administrator reads its plan's target on the neighbouring school: the name, not the figures.
		GraphQlTester.Response target = this.w.http(Who.SCHOOL_ADMIN).documentName("scope/targetSchool")
			.variable("id", this.w.plan).execute();
		assertThat(errorsOf(target)).extracting(ResponseError::getPath).containsExactlyInAnyOrder(
				"plan.targets[0].school.conditions", "plan.targets[0].school.teacherCount", "plan.targets[0].school.teachers");
		target.path("plan.targets[0].school.name").entity(String.class).isEqualTo("矩阵二小")
			.path("plan.targets[0].school.teacherCount").valueIsNull();
		// The city's admin reads the exchange coming in from the other city: the teacher and the sending school's figures are not its.
		GraphQlTester.Response exchange = this.w.http(Who.ADMIN).documentName("scope/exchangeEnds")
			.variable("id", this.crossExchange).execute();
		assertThat(errorsOf(exchange)).extracting(ResponseError::getPath)
			.containsExactlyInAnyOrder("node.teacher", "node.fromSchool.teacherCount");
		exchange.path("node.fromSchool.name").entity(String.class).isEqualTo("邻县小学")
			.path("node.toSchool.teacherCount").entity(Integer.class).isEqualTo(2);
		// The national admin reads it all.
		this.nationalAdmin.documentName("scope/exchangeEnds").variable("id", this.crossExchange).execute().errors().verify()
			.path("node.teacher.id").entity(String.class).isEqualTo(this.w.otherTeacher);
	}

	@Test
	void aTeachersExchangesLeaveOutThoseBetweenSchoolsBeyondTheScope() {
		for (Who who : List.of(Who.ADMIN, Who.SCHOOL_ADMIN)) {
			this.w.http(who).documentName("scope/teacherExchanges").variable("id", this.movedTeacher).execute().errors().verify()
				.path("node.id").entity(String.class).isEqualTo(this.movedTeacher)
				.path("node.exchanges[*].id").entityList(String.class).doesNotContain(this.foreignExchange);
		}
		this.nationalAdmin.documentName("scope/teacherExchanges").variable("id", this.movedTeacher).execute().errors().verify()
			.path("node.exchanges[*].id").entityList(String.class).containsExactly(this.foreignExchange);
	}

	@Test
	void subscriptionEventsCarryTheSameRule() {
		String milestone = AccessFixture.write(this.nationalAdmin, "addMilestone", Map.of("planId", this.w.plan, "title",
				"二小教学用房达标", "dueOn", "2026-12-31", "targetId", this.neighbourTarget));
		// From the cursor before the change, so the event is delivered however late the subscription starts.
		String cursor = this.nationalAdmin.documentName("access/milestoneEventsCursor").execute().path("milestoneEventsCursor")
			.entity(String.class).get();
		StepVerifier.create(this.w.webSocket(Who.SCHOOL_ADMIN).documentName("scope/targetEvents").variable("planId", this.w.plan)
				.variable("after", cursor).executeSubscription().toFlux().take(1))
			.then(() -> this.nationalAdmin.documentName("access/updateMilestone")
				.variable("input", Map.of("id", milestone, "version", 0, "progress", 40)).execute().errors().verify())
			.assertNext((event) -> {
				event.errors().satisfy((errors) -> assertThat(errors).extracting(ResponseError::getPath).containsExactlyInAnyOrder(
						"milestoneUpdates.milestone.target.school.conditions",
						"milestoneUpdates.milestone.target.school.teacherCount"));
				event.path("milestoneUpdates.milestone.target.school.name").entity(String.class).isEqualTo("矩阵二小")
					.path("milestoneUpdates.milestone.target.school.conditions").valueIsNull();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void anExchangeIsWrittenOnlyForATeacherOfTheSchoolItLeaves() {
		long before = exchanges();
		Map<String, Object> proposal = Map.of("teacherId", this.neighbourTeacher, "fromSchoolId", this.w.school, "toSchoolId",
				this.w.school, "schoolYear", 2025, "kind", "SUPPORT_TEACHING", "startsOn", "2025-09-01", "endsOn", "2026-01-31");
		RoleMatrixReadTests.refused(this.w.http(Who.SCHOOL_ADMIN).documentName("access/createExchange")
			.variable("input", proposal).execute(), "NOT_FOUND");
		RoleMatrixReadTests.refused(this.w.http(Who.ADMIN).documentName("access/createExchange")
			.variable("input", AccessFixture.with(proposal, "teacherId", this.w.otherTeacher, "fromSchoolId", this.w.school))
			.execute(), "NOT_FOUND");
		// Within the scope, the school it leaves must still be the teacher's own.
		RoleMatrixReadTests.refused(this.w.http(Who.ADMIN).documentName("access/createExchange")
			.variable("input", AccessFixture.with(proposal, "teacherId", this.w.teacher, "fromSchoolId", this.w.neighbour,
					"toSchoolId", this.w.neighbour))
			.execute(), "BAD_REQUEST");
		// Nor is a teacher sent to a school beyond the caller's region.
		RoleMatrixReadTests.refused(this.w.http(Who.ADMIN).documentName("access/createExchange")
			.variable("input", Map.of("teacherId", this.w.teacher, "toSchoolId", this.w.otherSchool, "schoolYear", 2025, "kind",
					"SUPPORT_TEACHING", "startsOn", "2025-09-01", "endsOn", "2026-01-31"))
			.execute(), "NOT_FOUND");
		assertThat(exchanges()).isEqualTo(before);
	}

	@Test
	void writesAnswerAlikeForWhatIsOutsideAndWhatDoesNotExist() {
		String nowhere = GlobalId.of("Teacher", 99_999_999L);
		List<String> answers = new java.util.ArrayList<>();
		for (String id : List.of(this.w.otherTeacher, nowhere)) {
			this.w.http(Who.ADMIN).documentName("access/updateTeacher").variable("input", Map.of("id", id, "version", 0,
					"trainingHours", 1)).execute()
				.errors().satisfy((errors) -> errors.forEach((error) -> answers.add(error.getExtensions().get("classification")
						+ " " + error.getExtensions().get("field") + " " + error.getMessage())));
		}
		assertThat(answers).hasSize(2).allMatch((answer) -> answer.startsWith("NOT_FOUND input.id "));
		assertThat(answers.get(0)).isEqualTo(answers.get(1));
	}

	@Test
	void aTamperedCursorIsABadRequest() {
		for (String cursor : List.of(encoded("exchange-STARTS_ON|1|not-a-date"), encoded("exchange-STARTS_ON|x"), "%%%")) {
			this.w.http(Who.ADMIN).documentName("scope/exchangesAfter").variable("after", cursor).execute()
				.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> assertThat(
						error.getExtensions()).containsEntry("classification", "BAD_REQUEST").containsEntry("field", "after")));
		}
	}

	private long exchanges() {
		return this.db.sql("select count(*) from exchange").map((row) -> row.get(0, Long.class)).one().block();
	}

	private static List<ResponseError> errorsOf(GraphQlTester.Response response) {
		List<ResponseError> found = new java.util.ArrayList<>();
		response.errors().satisfy(found::addAll);
		return found;
	}

	private static String decoded(String cursor) {
		return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
	}

	private static String encoded(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

}
