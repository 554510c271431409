package org.junheng.planner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.HeadlessChromium;
import org.junheng.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proposal page in headless Chromium: a PLANNER of the demo county sees the planner's moves
 * and the figures before and after, the "before" ones being the graph's own balance of today.
 */
@EndToEndTest
class ProposalPageTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@LocalServerPort
	private int port;

	@Test
	void aPlannerSeesTheProposalBesideTheCountyAsItIs() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed");
		String planner = Tokens.token("planner", List.of("PLANNER"), "511921", null);
		String url = "http://127.0.0.1:" + this.port + "/proposal?region=511921&year=2026&seconds=2#token=" + planner;
		double backbone = this.graphQl.document("{ region(code: \"511921\") { balance(schoolYear: 2026, stage: PRIMARY) { indicators { code cv } } } }")
			.execute().path("region.balance.indicators[?(@.code == 'BACKBONE_TEACHERS')].cv").entityList(Double.class).get().get(0);
		try (HeadlessChromium browser = HeadlessChromium.open(url, 1920, 1080)) {
			browser.viewport(1920, 1080, false, url);
			browser.await("document.body.dataset.ready || document.getElementById('notice').textContent", "true"::equals,
					Duration.ofSeconds(40));
			String row = "document.querySelector('[data-row^=\"小学骨干教师差异系数\"]').innerText";
			String[] cells = browser.evaluate(row).split("\t");
			assertThat(cells[1].strip()).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", backbone));
			String after = browser.evaluate("window.proposal.after.stages[0].indicators.find(i => i.code === 'BACKBONE_TEACHERS').cv.toFixed(3)");
			assertThat(cells[2].strip()).isEqualTo(after);
			// A short search may or may not reach every rule; the page says which, as the proposal does.
			assertThat(browser.evaluate("document.getElementById('state').innerText"))
				.contains("true".equals(browser.evaluate("window.proposal.feasible")) ? "满足全部硬性规则" : "无法满足");
			assertThat(browser.evaluate("document.querySelectorAll('#moves li').length"))
				.isEqualTo(browser.evaluate("window.proposal.moves.length"));
			assertThat(browser.evaluate("document.querySelectorAll('#rules li').length")).isEqualTo("6");
			browser.screenshot(Path.of("target", "screenshots", "proposal-1920x1080.png"));
		}
	}

}
