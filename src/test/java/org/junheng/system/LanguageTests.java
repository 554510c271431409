package org.junheng.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a bureau user reads comes in Chinese unless the request prefers English: verdict reasons
 * with the indicators' names, guarantee details, input checks, refusals of access, limits and
 * tokens, over HTTP and WebSocket alike.
 */
@EndToEndTest
class LanguageTests {

	private static final String DEMO_COUNTY = "511921";

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@Test
	void verdictReasonsNameTheIndicatorsAsPeopleSayThem() {
		List<String> chinese = reasons(this.graphQl);
		assertThat(chinese).isNotEmpty().anySatisfy((reason) -> assertThat(reason).startsWith("每百名学生拥有县级以上骨干教师数：差异系数 "));
		assertThat(chinese).anySatisfy((reason) -> assertThat(reason).contains("未达标："));
		assertThat(String.join("\n", chinese)).doesNotContain("BACKBONE_TEACHERS").doesNotContain("fails").doesNotContain("coefficient");
		List<String> english = reasons(english(this.graphQl));
		assertThat(english).hasSameSizeAs(chinese)
			.anySatisfy((reason) -> assertThat(reason)
				.startsWith("county-level or higher backbone teachers per 100 students: coefficient of variation "));
		// School names stay as they are; nothing else is Chinese.
		assertThat(String.join("\n", english)).doesNotContain("差异系数").doesNotContain("未达标").doesNotContain("每百名");
	}

	@Test
	void guaranteeDetailsAndTargetSourcesAreInTheLanguageAskedFor() {
		String school = this.graphQl.document("{ schools(filter: { regionCode: \"" + DEMO_COUNTY + "\" }, first: 1) { edges { node { id } } } }")
			.execute().path("schools.edges[0].node.id").entity(String.class).get();
		String query = "query($id: ID!) { school(id: $id) { balanceVerdict(schoolYear: 2026) { guarantees { code detail } } } }";
		List<String> chinese = this.graphQl.document(query).variable("id", school).execute()
			.path("school.balanceVerdict.guarantees[*].detail").entityList(String.class).get();
		assertThat(chinese).anySatisfy((detail) -> assertThat(detail).startsWith("音乐教室 "))
			.anySatisfy((detail) -> assertThat(detail).contains("持有教师资格证"));
		List<String> english = english(this.graphQl).document(query).variable("id", school).execute()
			.path("school.balanceVerdict.guarantees[*].detail").entityList(String.class).get();
		assertThat(english).anySatisfy((detail) -> assertThat(detail).contains(" music rooms, "))
			.anySatisfy((detail) -> assertThat(detail).contains("teachers with a teaching certificate"));
	}

	@Test
	void inputChecksNameTheFieldAndSayWhatIsWrongInChinese() {
		String mutation = "mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }";
		Map<String, Object> input = Map.of("code", "12", "name", "新学校", "regionCode", DEMO_COUNTY, "stage", "PRIMARY",
				"locality", "URBAN");
		this.graphQl.document(mutation).variable("input", input).execute().errors().satisfy((errors) -> assertThat(errors)
			.singleElement().satisfies((error) -> assertThat(error.getMessage()).isEqualTo("input.code：必须是 10 位学校标识码")));
		english(this.graphQl).document(mutation).variable("input", input).execute().errors().satisfy((errors) -> assertThat(errors)
			.singleElement()
			.satisfies((error) -> assertThat(error.getMessage()).isEqualTo("input.code must be a 10-digit school identification code")));
	}

	@Test
	void refusalsOfAccessAndOfLimitsAreInChinese() {
		HttpGraphQlTester anonymous = HttpGraphQlTester.create(client().build());
		anonymous.document("{ schools(first: 1) { totalCount } }").execute().errors().satisfy((errors) -> assertThat(errors)
			.singleElement().satisfies((error) -> assertThat(error.getMessage()).isEqualTo("请登录后再读取 schools")));
		english(anonymous).document("{ schools(first: 1) { totalCount } }").execute().errors().satisfy((errors) -> assertThat(errors)
			.singleElement().satisfies((error) -> assertThat(error.getMessage()).isEqualTo("Sign in to read schools")));
		StringBuilder aliases = new StringBuilder("{");
		for (int i = 0; i < 31; i++) {
			aliases.append(" a").append(i).append(": __typename");
		}
		anonymous.document(aliases + " }").execute().errors().satisfy((errors) -> assertThat(errors)
			.singleElement().satisfies((error) -> assertThat(error.getMessage()).isEqualTo("查询使用的别名过多（31 个，最多 30 个）")));
	}

	@Test
	void aBadTokenIsRefusedInTheLanguageAskedFor() {
		WebTestClient bad = client().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer nonsense").build();
		bad.post().bodyValue(Map.of("query", "{ regions { code } }")).exchange()
			.expectStatus().isUnauthorized().expectBody().jsonPath("$.errors[0].message").isEqualTo("访问令牌无效或已过期");
		bad.post().header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9").bodyValue(Map.of("query", "{ regions { code } }")).exchange()
			.expectStatus().isUnauthorized().expectBody().jsonPath("$.errors[0].message")
			.isEqualTo("The bearer token is invalid or has expired");
	}

	@Test
	void subscriptionErrorsOverWebSocketFollowTheHandshakesLanguage() {
		String document = "subscription { milestoneUpdates(regionCode: \"999999\") { cursor } }";
		WebSocketGraphQlTester chinese = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient()).build();
		chinese.document(document).executeSubscription().toFlux().as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("没有代码为 999999 的区域"))
			.verify(Duration.ofSeconds(10));
		WebSocketGraphQlTester english = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.build();
		english.document(document).executeSubscription().toFlux().as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("no region has the code 999999"))
			.verify(Duration.ofSeconds(10));
		// A page cannot set the handshake's headers: connection_init's payload may name the language instead.
		WebSocketGraphQlTester asked = WebSocketGraphQlTester
			.builder("ws://127.0.0.1:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Accept-Language", "en-US"));
				}
			})
			.build();
		asked.document(document).executeSubscription().toFlux().as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("no region has the code 999999"))
			.verify(Duration.ofSeconds(10));
	}

	private List<String> reasons(HttpGraphQlTester tester) {
		return tester.documentName("regionBalance").variable("code", DEMO_COUNTY).variable("year", 2026).variable("stage", "PRIMARY")
			.execute().path("region.balance.reasons").entityList(String.class).get();
	}

	private static HttpGraphQlTester english(HttpGraphQlTester tester) {
		return tester.mutate().header(HttpHeaders.ACCEPT_LANGUAGE, "en").build();
	}

	private WebTestClient.Builder client() {
		return org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + this.port + "/graphql").responseTimeout(Duration.ofSeconds(10));
	}

}
