package org.junheng.indicator;

import java.util.List;

/**
 * A region's figures with a set of moves applied, judged as the graph judges them: each stage's
 * balance (the graph's {@code RegionBalance}: every CV, schools passing, the exchange) and each
 * affected school's stages (its {@code SchoolIndicators}). Shown as it is; nothing is stored.
 */
public record ScenarioJudgement(List<Views.RegionBalance> stages, List<SchoolStages> schools, Boolean exchangeMet) {

	/** One school's stages, judged. */
	public record SchoolStages(long schoolId, List<Views.SchoolIndicators> stages) {
	}

}
