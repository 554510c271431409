package org.junheng.plan;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.HeadlessChromium;
import org.junheng.ServerInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The display at {@code /} in a real headless Chromium: it shows a plan's milestones and follows
 * changes made through this instance and through another one, each within a second.
 */
@EndToEndTest
class DisplayPageTests {

	private static final String TIMELINE = "Array.from(document.querySelectorAll('#timeline [data-milestone-id]'))"
			+ ".map(e => e.dataset.status + ':' + e.dataset.progress).join(',')";

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private WebTestClient web;

	@LocalServerPort
	private int port;

	@Test
	void theDisplayPageAndItsScriptsAreServedByJunhengItself() {
		this.web.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
			.value((page) -> assertThat(page).contains("义务教育优质均衡发展监测").contains("/display/dashboard.js")
				.contains("/webjars/echarts/").doesNotContain("http"));
		for (String asset : new String[] { "/display/dashboard.js", "/display/live.js", "/display/display.css", "/favicon.svg",
				"/webjars/echarts/5.3.1/dist/echarts.min.js" }) {
			this.web.get().uri(asset).exchange().expectStatus().isOk();
		}
	}

	@Test
	void aBrowserOnTheDisplayShowsChangesMadeThroughEitherInstance() throws Exception {
		assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed (apt-get install chromium)");
		String plan = LivePlans.plan(this.graphQl);
		var milestones = LivePlans.milestones(this.graphQl, plan);
		try (ServerInstance other = ServerInstance.onTestDatabase(Map.of());
				HeadlessChromium browser = HeadlessChromium.open("http://127.0.0.1:" + this.port + "/?plan=" + plan)) {
			browser.await("document.getElementById('connection').dataset.state + '|' + " + TIMELINE,
					"live|PLANNED:0,PLANNED:0"::equals, Duration.ofSeconds(20));

			// Polling is off in tests (1 h), so what arrives within these bounds came through NOTIFY.
			LivePlans.update(this.graphQl, milestones.get(0), Map.of("status", "ACHIEVED"));
			Duration first = browser.await(TIMELINE, "ACHIEVED:100,PLANNED:0"::equals, Duration.ofSeconds(1));

			LivePlans.update(other.http(), milestones.get(1), Map.of("status", "IN_PROGRESS", "progress", 40));
			Duration second = browser.await(TIMELINE, "ACHIEVED:100,IN_PROGRESS:40"::equals, Duration.ofSeconds(1));

			assertThat(browser.evaluate("document.getElementById('timeline').innerText")).contains("已完成").contains("进行中");
			browser.await("document.getElementById('overall-text').textContent", "70.0%"::equals, Duration.ofSeconds(15));
			System.out.println("Display followed a change through this instance in " + first.toMillis()
					+ " ms and through another in " + second.toMillis() + " ms (including 50 ms polling)");
		}
	}

}
