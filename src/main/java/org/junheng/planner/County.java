package org.junheng.planner;

import java.util.Map;
import java.util.Set;

import org.junheng.indicator.ExchangeScenario;

/**
 * The county the planner moves teachers in, as the solver sees it (a problem fact, never
 * changed): the scenario, how many teachers the year's exchange must reach, each school's own
 * PE, music and art teachers staying at home, and the hints that make one move preferable to
 * another (pairings, localities).
 */
final class County {

	static final int MUSIC = 0;

	static final int ART = 1;

	static final int PE = 2;

	private final ExchangeScenario scenario;

	private final int required;

	private final int maxMoves;

	private final int[][] specialists;

	private final Set<Long> pairings;

	private final Map<Long, Destination> schools;

	/**
	 * {@code maxExchangeRatio} caps the year's exchange, moves and those already exchanged, at this
	 * share of the eligible teachers; null for the default, a fifth above the ratio asked (12%
	 * with the national 10%): room to close the gaps without sending half the county away, as a
	 * goal ranked above "fewer moves" (more schools passing) otherwise would.
	 */
	County(ExchangeScenario scenario, Map<Long, Destination> schools, Set<Long> pairings, Double maxExchangeRatio) {
		this.scenario = scenario;
		this.schools = Map.copyOf(schools);
		this.pairings = Set.copyOf(pairings);
		this.required = required(scenario);
		double cap = (maxExchangeRatio != null) ? Math.max(maxExchangeRatio, scenario.exchangeRatio()) : scenario.exchangeRatio() * 1.2;
		int eligible = scenario.eligibleTeachers();
		int most = (int) Math.floor(cap * eligible + 1e-9);
		this.maxMoves = Math.max(this.required, most) - scenario.exchangedTeachers();
		this.specialists = new int[scenario.schools().size()][3];
		for (ExchangeScenario.Teacher teacher : scenario.teachers()) {
			int school = scenario.schoolIndex(teacher.schoolId());
			if (school >= 0 && !teacher.rotatingAway()) {
				for (int subject : subjects(teacher)) {
					this.specialists[school][subject]++;
				}
			}
		}
	}

	ExchangeScenario scenario() {
		return this.scenario;
	}

	Map<Long, Destination> schools() {
		return this.schools;
	}

	/** The fewest exchanged teachers that reach the ratio: 0 when nobody is eligible (the ratio is not judged). */
	int required() {
		return this.required;
	}

	private static int required(ExchangeScenario scenario) {
		int eligible = scenario.eligibleTeachers();
		// Start just below the answer and step up, comparing as the graph compares a ratio.
		int n = Math.max(0, (int) Math.floor(scenario.exchangeRatio() * eligible) - 1);
		while (eligible > 0 && !ExchangeScenario.reaches((double) n / eligible, scenario.exchangeRatio())) {
			n++;
		}
		return n;
	}

	/** The most moves a proposal may make: up to the cap of the year's exchange; 0 when it is reached already. */
	int maxMoves() {
		return Math.max(0, this.maxMoves);
	}

	/** The fewest backbone teachers among {@code exchanged} that reach the share; 0 when nobody is exchanged. */
	int backboneNeeded(int exchanged) {
		int b = Math.max(0, (int) Math.floor(this.scenario.backboneShare() * exchanged) - 1);
		while (exchanged > 0 && b < exchanged && !ExchangeScenario.reaches((double) b / exchanged, this.scenario.backboneShare())) {
			b++;
		}
		return b;
	}

	/** PE, music and art teachers of its own that the school keeps at home this year, before any move proposed. */
	int[] specialists(int school) {
		return this.specialists[school];
	}

	/** The subjects ({@link #MUSIC}, {@link #ART}, {@link #PE}) a teacher is a specialist of. */
	static int[] subjects(ExchangeScenario.Teacher teacher) {
		int[] all = new int[3];
		int n = 0;
		if (teacher.music()) {
			all[n++] = MUSIC;
		}
		if (teacher.art()) {
			all[n++] = ART;
		}
		if (teacher.pe()) {
			all[n++] = PE;
		}
		return java.util.Arrays.copyOf(all, n);
	}

	/**
	 * What a move costs among moves that serve the goals equally: 0 for a strong school sending a
	 * teacher to a school it leads in a pairing; a move without a pairing 1 more; towards a
	 * stronger locality (village to town, town to city) 2 more; to another district of the region 1 more.
	 */
	int preference(Destination home, Destination to) {
		int cost = this.pairings.contains(pair(home.schoolId(), to.schoolId())) ? 0 : 1;
		cost += (to.localityRank() < home.localityRank()) ? 2 : 0;
		cost += home.regionCode().equals(to.regionCode()) ? 0 : 1;
		return cost;
	}

	/** A pairing as one number, either school first. */
	static long pair(long a, long b) {
		return Math.min(a, b) * 4_000_000_000L + Math.max(a, b);
	}

}
