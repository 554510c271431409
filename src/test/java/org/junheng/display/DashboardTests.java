package org.junheng.display;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.HeadlessChromium;
import org.junheng.ServerInstance;
import org.junheng.TestData;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall display at {@code /} in Debian's headless Chromium: it fits a 1920×1080 screen with
 * nothing scrolled or cut off, a 390×844 phone in one column, its status colours meet WCAG AA,
 * a change of a school's conditions moves its tile and the CV chart within a second, and it
 * works with public reads off given a VIEWER token. Screenshots of both sizes are kept in
 * {@code target/screenshots/}.
 */
@EndToEndTest
class DashboardTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String DEMO_COUNTY = "511921";

	/** Whatever lies outside the viewport or outside its own panel, as text; empty when everything fits. */
	private static final String OUTSIDE = """
			(() => {
			  const out = [];
			  const W = innerWidth, H = innerHeight;
			  if (document.documentElement.scrollWidth > W) out.push('page is ' + document.documentElement.scrollWidth + ' px wide');
			  if (document.documentElement.scrollHeight > H) out.push('page is ' + document.documentElement.scrollHeight + ' px tall');
			  for (const panel of document.querySelectorAll('[data-panel]')) {
			    const p = panel.getBoundingClientRect();
			    if (p.left < 0 || p.top < 0 || p.right > W + 0.5 || p.bottom > H + 0.5) out.push(panel.dataset.panel + ' outside the screen');
			    if (panel.scrollHeight > panel.clientHeight + 1) out.push(panel.dataset.panel + ' overflows by ' + (panel.scrollHeight - panel.clientHeight));
			    for (const e of panel.querySelectorAll('*')) {
			      const r = e.getBoundingClientRect();
			      if (r.width === 0 || r.height === 0 || e.closest('[hidden]')) continue;
			      if (r.right > p.right + 1 || r.left < p.left - 1 || r.bottom > p.bottom + 1) out.push(panel.dataset.panel + ' cuts off ' + e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30));
			    }
			  }
			  return out.slice(0, 10).join(' | ');
			})()""";

	/** Text on every status colour, against the colour, by WCAG's contrast ratio: the worst ones under 4.5. */
	private static final String LOW_CONTRAST = """
			(() => {
			  const lum = (c) => { const [r, g, b] = c.match(/[0-9.]+/g).slice(0, 3).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
			  const bad = [];
			  for (const e of document.querySelectorAll('.status, .pill, .tile, .notice')) {
			    if (e.closest('[hidden]') || !e.getBoundingClientRect().width) continue;
			    const s = getComputedStyle(e);
			    const a = lum(s.color), b = lum(s.backgroundColor);
			    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
			    if (ratio < 4.5) bad.push(e.className + ' "' + e.textContent.trim().slice(0, 12) + '" ' + ratio.toFixed(2));
			  }
			  return bad.join(' | ');
			})()""";

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@BeforeEach
	void chromium() {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(HeadlessChromium.BINARY),
				"Debian's chromium is not installed (.ci/run installs it)");
	}

	@Test
	void theWholeDashboardFitsAWallScreenAndReadsRight() throws Exception {
		String url = "http://127.0.0.1:" + this.port + "/?region=" + DEMO_COUNTY + "&year=2026#token=" + viewer(DEMO_COUNTY);
		try (HeadlessChromium wall = HeadlessChromium.open(url, 1920, 1080)) {
			wall.viewport(1920, 1080, false, url);
			loaded(wall);
			assertThat(wall.evaluate("document.getElementById('verdict').innerText")).contains("尚未达标");
			GraphQlTester.Response primary = this.graphQl.document("{ region(code: \"" + DEMO_COUNTY + "\") { balance(schoolYear: 2026,"
					+ " stage: PRIMARY) { passingSchools judgedSchools indicators { code cv met } } } }").execute();
			double backbone = primary.path("region.balance.indicators[?(@.code == 'BACKBONE_TEACHERS')].cv").entityList(Double.class).get().get(0);
			assertThat(wall.evaluate("document.getElementById('reasons').innerText"))
				.contains("差异系数 " + String.format(java.util.Locale.ROOT, "%.3f", backbone));
			assertThat(wall.evaluate("document.getElementById('figures').innerText")).contains("教师交流轮岗比例").contains("应 ≥ 10%");
			assertThat(wall.evaluate("document.getElementById('stage-pass').innerText"))
				.contains(primary.path("region.balance.passingSchools").entity(Integer.class).get() + " / "
						+ primary.path("region.balance.judgedSchools").entity(Integer.class).get() + " 所学校达标");
			assertThat(wall.evaluate("document.querySelectorAll('#tiles .tile').length")).isEqualTo(
					String.valueOf(this.graphQl.document("{ region(code: \"" + DEMO_COUNTY + "\") { schools(filter: { schoolYear: 2026 }) { totalCount } } }")
						.execute().path("region.schools.totalCount").entity(Integer.class).get()));
			assertThat(wall.evaluate("document.getElementById('period').innerText")).contains("已于 2025-12-31 结束");
			assertThat(wall.evaluate("document.getElementById('timeline').textContent")).contains("逾期完成").contains("已逾期");
			assertThat(wall.evaluate("document.getElementById('targets').textContent")).contains("目标");
			Thread.sleep(500);
			wall.screenshot(SCREENSHOTS.resolve("wall-1920x1080.png"));
			assertThat(wall.evaluate(OUTSIDE)).isEmpty();
			assertThat(wall.evaluate(LOW_CONTRAST)).isEmpty();
			assertThat(wall.evaluate("document.querySelector('link[rel=icon]').href")).endsWith("/favicon.svg");
		}
	}

	@Test
	void onAPhoneNothingIsCutOff() throws Exception {
		String url = "http://127.0.0.1:" + this.port + "/?region=" + DEMO_COUNTY + "&year=2026#token=" + viewer(DEMO_COUNTY);
		try (HeadlessChromium phone = HeadlessChromium.open(url, 390, 844)) {
			phone.viewport(390, 844, true, url);
			loaded(phone);
			assertThat(phone.evaluate("innerWidth")).isEqualTo("390");
			String cut = phone.evaluate("""
					(() => { const out = []; const W = innerWidth;
					  if (document.documentElement.scrollWidth > W) out.push('page is ' + document.documentElement.scrollWidth + ' px wide');
					  for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
					    if (r.width && !e.closest('[hidden]') && (r.left < -1 || r.right > W + 1)) out.push(e.tagName + '.' + e.className); }
					  return out.slice(0, 10).join(' | '); })()""");
			assertThat(cut).isEmpty();
			assertThat(phone.evaluate("getComputedStyle(document.querySelector('main')).flexDirection")).isEqualTo("column");
			phone.screenshot(SCREENSHOTS.resolve("phone-390x844.png"));
		}
	}

	@Test
	void aChangeOfASchoolsConditionsMovesItsTileAndTheCvChartWithinASecond() throws Exception {
		String county = TestData.county(this.graphQl);
		String strong = TestData.school(this.graphQl, county, "达标小学");
		String weak = TestData.school(this.graphQl, county, "薄弱小学");
		for (int i = 0; i < 6; i++) {
			teacher(strong, "教师" + i, i < 2, i >= 4);
		}
		record(strong, 1200.0, null);
		record(weak, 1200.0, null);
		String url = "http://127.0.0.1:" + this.port + "/?region=" + county + "&year=2026#token=" + viewer(county);
		try (HeadlessChromium wall = HeadlessChromium.open(url, 1920, 1080)) {
			wall.viewport(1920, 1080, false, url);
			String tile = "(document.querySelector('[data-school-id=\"" + strong + "\"]') || {dataset: {}}).dataset.verdict";
			String teachingAreaCv = "(JSON.parse(document.getElementById('cv-chart').dataset.values || '{}').PRIMARY || [])[3]";
			wall.await(tile, "PASS"::equals, Duration.ofSeconds(20));
			assertThat(wall.evaluate(teachingAreaCv)).isEqualTo("0");
			record(strong, 100.0, 0);
			Duration moved = wall.await(tile, "FAIL"::equals, Duration.ofSeconds(1));
			Duration charted = wall.await(teachingAreaCv, (cv) -> !cv.equals("0") && !cv.equals("undefined"), Duration.ofSeconds(1));
			System.out.println("Tile moved " + moved.toMillis() + " ms and the CV chart " + charted.toMillis() + " ms after the write");
		}
	}

	/**
	 * A private deployment: the display says it needs a token, says when its token is no good,
	 * and shows everything with a VIEWER token; GraphiQL's subscriptions use the token too; and
	 * the page may be framed by the portal configured, and by nobody else.
	 */
	@Test
	void withPublicReadsOffTheDisplayAndGraphiqlUseAViewerToken() throws Exception {
		try (ServerInstance closed = ServerInstance.onTestDatabase(Map.of("junheng.security.public-read", "false",
				"junheng.display.frame-ancestors", "'self' https://portal.example.gov.cn"))) {
			WebTestClient web = org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + closed.port()).build();
			web.get().uri("/").exchange().expectStatus().isOk()
				.expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'self' https://portal.example.gov.cn")
				.expectHeader().doesNotExist("X-Frame-Options");
			String graphiql = "http://127.0.0.1:" + closed.port() + "/graphiql";
			String subscription = "(async () => { const it = window.junhengFetcher({ query: 'subscription { regionBalanceChanged(regionCode: \\\"511921\\\","
					+ " schoolYear: 2026) { cursor balances { stage verdict } } }' }, { headers: HEADERS })[Symbol.asyncIterator]();"
					+ " const first = await it.next(); await it.return(); window.result = JSON.stringify(first.value); })()";
			try (HeadlessChromium console = HeadlessChromium.open(graphiql, 1280, 800)) {
				console.await("typeof window.junhengFetcher", "function"::equals, Duration.ofSeconds(20));
				console.evaluate(subscription.replace("HEADERS", "{}"));
				console.await("window.result || ''", (result) -> result.contains("UNAUTHORIZED"), Duration.ofSeconds(10));
				console.evaluate("window.result = ''");
				console.evaluate(subscription.replace("HEADERS", "{ Authorization: 'Bearer " + viewer(DEMO_COUNTY) + "' }"));
				console.await("window.result || ''", (result) -> result.contains("\"verdict\":\"FAIL\""), Duration.ofSeconds(10));
			}
			String base = "http://127.0.0.1:" + closed.port() + "/?region=" + DEMO_COUNTY + "&year=2026";
			try (HeadlessChromium anonymous = HeadlessChromium.open(base, 1280, 800)) {
				anonymous.await("document.getElementById('notice').innerText", (text) -> text.contains("需要只读令牌"), Duration.ofSeconds(20));
				assertThat(anonymous.evaluate("document.getElementById('auth').innerText")).isEqualTo("需要登录");
			}
			String expired = Tokens.token("wall", List.of("VIEWER"), DEMO_COUNTY, null, Duration.ofMinutes(-5));
			try (HeadlessChromium stale = HeadlessChromium.open(base + "#token=" + expired, 1280, 800)) {
				stale.await("document.getElementById('notice').innerText", (text) -> text.contains("无效或已过期"), Duration.ofSeconds(20));
			}
			try (HeadlessChromium viewer = HeadlessChromium.open(base + "#token=" + viewer(DEMO_COUNTY), 1920, 1080)) {
				viewer.await("document.getElementById('verdict').dataset.verdict", "FAIL"::equals, Duration.ofSeconds(20));
				assertThat(viewer.evaluate("document.getElementById('auth').innerText")).startsWith("只读令牌");
				assertThat(viewer.evaluate("document.getElementById('notice').hidden")).isEqualTo("true");
			}
		}
	}

	private static void loaded(HeadlessChromium browser) throws Exception {
		browser.await("document.getElementById('verdict').dataset.verdict + '|' + document.querySelectorAll('#tiles .tile').length"
				+ " + '|' + document.querySelectorAll('#timeline li').length + '|' + document.getElementById('connection').dataset.state",
				(state) -> state.startsWith("FAIL|") && !state.contains("|0|") && state.endsWith("|live"), Duration.ofSeconds(30));
	}

	private static String viewer(String region) {
		return Tokens.token("wall-display", List.of("VIEWER"), region, null);
	}

	private void teacher(String school, String name, boolean backbone, boolean pe) {
		this.graphQl.documentName("createTeacher")
			.variable("input", Map.of("schoolId", school, "name", name, "gender", "FEMALE", "birthYear", 1985, "highestDegree", "BACHELOR",
					"backboneLevel", backbone ? "COUNTY" : "NONE", "peSpecialist", pe, "joinedSchoolOn", "2015-09-01"))
			.execute().errors().verify();
	}

	private void record(String school, double teachingArea, Integer version) {
		Map<String, Object> input = new HashMap<>(Map.of("schoolId", school, "schoolYear", 2026, "studentsByGrade",
				List.of(20, 20, 20, 20, 20, 20), "classSizes", List.of(20, 20, 20, 20, 20, 20), "teachingArea", teachingArea,
				"sportsArea", 2400, "equipmentValue", 480000, "multimediaClassrooms", 6, "musicRoomAreas", List.of(96),
				"artRoomAreas", List.of(90)));
		if (version != null) {
			input.put("version", version);
		}
		this.graphQl.documentName("recordConditions").variable("input", input).execute().errors().verify();
	}

}
