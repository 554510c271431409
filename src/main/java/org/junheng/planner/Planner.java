package org.junheng.planner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.junheng.exchange.ExchangeKind;
import org.junheng.indicator.ExchangeScenario;
import org.junheng.indicator.Indicators;
import org.junheng.system.Text;
import org.springframework.stereotype.Component;

/**
 * Proposes a region's exchange for a school year: reads the figures (seven statements), builds
 * the candidates, says at once when the rules cannot be met, otherwise searches, and judges the
 * moves found before and after. Everything after the reads runs on the planner's own threads.
 */
@Component
class Planner {

	private static final Logger logger = LoggerFactory.getLogger(Planner.class);

	private final Indicators indicators;

	private final CountyFacts facts;

	private final ExchangeSolver solver;

	Planner(Indicators indicators, CountyFacts facts, ExchangeSolver solver) {
		this.indicators = indicators;
		this.facts = facts;
		this.solver = solver;
	}

	/** The county as the planner sees it, with its candidates, read in one go. */
	record Read(County county, List<Candidate> candidates, ProposalId id, long millis) {
	}

	Mono<Read> read(String regionCode, int schoolYear, ProposalOptions.Checked options) {
		long started = System.nanoTime();
		return Mono.zip(this.indicators.exchangeScenario(regionCode, schoolYear), this.facts.load(regionCode, schoolYear),
				this.facts.fingerprint(regionCode, schoolYear))
			.publishOn(this.solver.scheduler())
			.map((all) -> {
				County county = county(all.getT1(), all.getT2(), options);
				return new Read(county, candidates(county, options), new ProposalId(regionCode, schoolYear, all.getT3()),
						(System.nanoTime() - started) / 1_000_000);
			});
	}

	/**
	 * The proposal within its time limit, reading and judging included: the search ends early
	 * enough to leave a tenth of the limit (at least 500 ms) for judging the moves it found and
	 * answering.
	 */
	Mono<Proposal> propose(String regionCode, int schoolYear, ProposalOptions.Checked options) {
		long limit = Duration.ofSeconds(options.seconds()).toNanos();
		long deadline = System.nanoTime() + limit - Math.max(Duration.ofMillis(500).toNanos(), limit / 10);
		return read(regionCode, schoolYear, options).flatMap((read) -> {
			RuleCheck impossible = ExchangeRules.infeasibility(read.county(), read.candidates());
			if (impossible != null) {
				return Mono.just(answer(read, options, List.of(), impossible.rule(), impossible.detail(), 0, ""));
			}
			return this.solver.solve(new ExchangePlan(read.county(), read.candidates()), deadline, options.seed())
				.map((solved) -> {
					List<ProposedMove> moves = keepingSpecialists(read.county(), moves(solved.plan()));
					RuleCheck unmet = ExchangeRules.check(read.county(), moves, regionCode).stream()
						.filter((check) -> !check.met())
						.findFirst()
						.orElse(null);
					Text why = (unmet != null) ? Text.of("planner.infeasibleSearched", unmet.rule().text(), unmet.detail(), options.seconds())
							: null;
					return answer(read, options, moves, (unmet != null) ? unmet.rule() : null, why, solved.millis(),
							solved.plan().score().toShortString());
				});
		});
	}

	private static Proposal answer(Read read, ProposalOptions.Checked options, List<ProposedMove> moves, ExchangeRule unmet,
			Text why, long millis, String score) {
		long started = System.nanoTime();
		County county = read.county();
		List<ExchangeScenario.Move> applied = moves.stream().map((m) -> new ExchangeScenario.Move(m.teacherId(), m.toSchoolId())).toList();
		Proposal proposal = new Proposal(read.id().encoded(), read.id().regionCode(), read.id().schoolYear(), unmet == null, unmet,
				why, moves, ExchangeRules.check(county, moves, read.id().regionCode()), county.scenario().before(applied),
				county.scenario().after(applied), millis, options.seconds(), options.seed(), score);
		logger.info("Exchange proposal for {} {}: {} candidates read in {} ms, searched {} ms, {} moves judged in {} ms", read.id().regionCode(),
				read.id().schoolYear(), read.candidates().size(), read.millis(), millis, moves.size(), (System.nanoTime() - started) / 1_000_000);
		return proposal;
	}

	private static County county(ExchangeScenario scenario, CountyFacts.Facts facts, ProposalOptions.Checked options) {
		Map<Long, Destination> schools = new HashMap<>();
		for (int i = 0; i < scenario.schools().size(); i++) {
			long id = scenario.schools().get(i).id();
			if (!options.schools().contains(id) && facts.regionCodes().containsKey(id)) {
				schools.put(id, new Destination(i, id, facts.localityRanks().get(id), facts.regionCodes().get(id)));
			}
		}
		return new County(scenario, schools, facts.pairings(), options.maxExchangeRatio());
	}

	/**
	 * Every eligible teacher of a school that is not left out, not in an exchange of the year and
	 * not left out personally, with the schools it may go to: those teaching one of its school's stages.
	 */
	private static List<Candidate> candidates(County county, ProposalOptions.Checked options) {
		ExchangeScenario scenario = county.scenario();
		Map<Long, List<Destination>> byHome = new HashMap<>();
		List<Candidate> candidates = new ArrayList<>();
		for (ExchangeScenario.Teacher teacher : scenario.teachers()) {
			Destination home = county.schools().get(teacher.schoolId());
			if (home == null || !teacher.eligible() || teacher.exchanged() || options.teachers().contains(teacher.id())) {
				continue;
			}
			List<Destination> destinations = byHome.computeIfAbsent(home.schoolId(), (id) -> county.schools().values().stream()
				.filter((to) -> to.schoolId() != id && scenario.schools().get(to.index()).stages().stream()
					.anyMatch(scenario.schools().get(home.index()).stages()::contains))
				.sorted(Comparator.comparingLong(Destination::schoolId))
				.toList());
			if (!destinations.isEmpty()) {
				candidates.add(new Candidate(teacher, home, destinations));
			}
		}
		return candidates;
	}

	private static List<ProposedMove> moves(ExchangePlan plan) {
		return plan.candidates().stream()
			.filter((candidate) -> candidate.to() != null)
			.map((c) -> new ProposedMove(c.teacher().id(), c.home().schoolId(), c.to().schoolId(), ExchangeKind.ROTATION,
					c.teacher().backbone()))
			.sorted(Comparator.comparingLong(ProposedMove::teacherId))
			.toList();
	}

	/**
	 * The moves without any that would leave a school with no PE, music or art teacher of its
	 * own. The search never ends so when a plan keeping them exists; this holds the answer to the
	 * rule even when its time ran out first.
	 */
	private static List<ProposedMove> keepingSpecialists(County county, List<ProposedMove> moves) {
		List<ProposedMove> kept = new ArrayList<>(moves);
		while (!ExchangeRules.specialistsLost(county, kept).isEmpty()) {
			ProposedMove last = kept.stream()
				.filter((move) -> County.subjects(county.scenario().teacher(move.teacherId())).length > 0)
				.reduce((first, second) -> second)
				.orElseThrow();
			kept.remove(last);
		}
		return List.copyOf(kept);
	}

}
