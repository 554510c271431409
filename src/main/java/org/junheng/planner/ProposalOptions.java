package org.junheng.planner;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junheng.system.Checks;
import org.junheng.system.GlobalId;

/** {@code ExchangeProposalOptions}: the search's time limit, what to leave out, and the seed. */
record ProposalOptions(Integer timeLimitSeconds, List<String> leaveOutSchools, List<String> leaveOutTeachers, Integer seed,
		Double maxExchangeRatio) {

	static final int DEFAULT_SECONDS = 10;

	static final int MAX_SECONDS = 60;

	/**
	 * The options as the planner uses them, each ID checked; a bad one is a BAD_REQUEST naming it.
	 * {@code maxExchangeRatio} is null for the default (see {@link County}).
	 */
	record Checked(int seconds, Set<Long> schools, Set<Long> teachers, int seed, Double maxExchangeRatio) {
	}

	static Checked check(ProposalOptions options) {
		ProposalOptions given = (options != null) ? options : new ProposalOptions(null, null, null, null, null);
		int seconds = (given.timeLimitSeconds() != null) ? given.timeLimitSeconds() : DEFAULT_SECONDS;
		Checks.on("options").range(seconds, 1, MAX_SECONDS, "timeLimitSeconds")
			.require(given.leaveOutSchools() == null || given.leaveOutSchools().size() <= 1000, "leaveOutSchools", "check.atMostItems", 1000)
			.require(given.leaveOutTeachers() == null || given.leaveOutTeachers().size() <= 10000, "leaveOutTeachers", "check.atMostItems",
					10000)
			.require(given.maxExchangeRatio() == null || (given.maxExchangeRatio() > 0 && given.maxExchangeRatio() <= 1),
					"maxExchangeRatio", "check.ratio")
			.validate();
		return new Checked(seconds, keys(given.leaveOutSchools(), "School", "options.leaveOutSchools"),
				keys(given.leaveOutTeachers(), "Teacher", "options.leaveOutTeachers"), (given.seed() != null) ? given.seed() : 0,
				given.maxExchangeRatio());
	}

	private static Set<Long> keys(List<String> ids, String type, String field) {
		Set<Long> keys = new HashSet<>();
		if (ids != null) {
			for (int i = 0; i < ids.size(); i++) {
				keys.add(GlobalId.key(ids.get(i), type, field + "[" + i + "]"));
			}
		}
		return keys;
	}

}
