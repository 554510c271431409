package org.junheng.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.exchange.Exchange;
import org.junheng.exchange.ExchangeKind;
import org.junheng.exchange.ExchangeStatus;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.system.AfterCommit;
import org.junheng.system.BaseFiguresChanged;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;

/**
 * {@code Mutation.acceptExchangeProposal}: the chosen moves become PLANNED exchanges, all or none,
 * in the mutation's audited transaction. The figures are read again under a lock on the region,
 * so two acceptances of one proposal cannot both pass the fingerprint check.
 */
@Controller
class ProposalAcceptanceController {

	record AcceptedMove(String teacherId, String toSchoolId, ExchangeKind kind) {
	}

	private record Chosen(long teacherId, long toSchoolId, ExchangeKind kind) {
	}

	private final Planner planner;

	private final Access access;

	private final DatabaseClient db;

	private final R2dbcEntityTemplate template;

	private final ApplicationEventPublisher events;

	ProposalAcceptanceController(Planner planner, Access access, DatabaseClient db, R2dbcEntityTemplate template,
			ApplicationEventPublisher events) {
		this.planner = planner;
		this.access = access;
		this.db = db;
		this.template = template;
		this.events = events;
	}

	@MutationMapping
	Mono<List<Exchange>> acceptExchangeProposal(@Argument String id, @Argument List<AcceptedMove> moves, GraphQLContext context) {
		ProposalId proposal = ProposalId.parse(id, "id");
		List<Chosen> chosen = chosen(moves);
		String region = proposal.regionCode();
		ProposalOptions.Checked all = new ProposalOptions.Checked(ProposalOptions.DEFAULT_SECONDS, Set.of(), Set.of(), 0, null);
		return this.access.requireRegion(Caller.of(context), region, "id", "action.acceptExchangeProposals", Role.ADMIN, Role.PLANNER)
			.then(this.db.sql("select pg_advisory_xact_lock(hashtext(:key))").bind("key", "exchange-proposal/" + region).then())
			.then(this.planner.read(region, proposal.schoolYear(), all))
			.flatMap((read) -> {
				if (!read.id().fingerprint().equals(proposal.fingerprint())) {
					return Mono.error(new ConflictException("id", Text.of("conflict.proposal")));
				}
				List<Exchange> exchanges = exchanges(read, chosen, proposal.schoolYear());
				return Flux.fromIterable(exchanges).concatMap(this.template::insert).collectList();
			})
			.flatMap((saved) -> AfterCommit.publish(this.events, new BaseFiguresChanged("exchanges")).thenReturn(saved));
	}

	private static List<Chosen> chosen(List<AcceptedMove> moves) {
		Checks.arguments().require(!moves.isEmpty(), "moves", "check.noMoves")
			.require(moves.size() <= 2000, "moves", "check.atMostItems", 2000)
			.validate();
		List<Chosen> chosen = new ArrayList<>();
		Set<Long> teachers = new HashSet<>();
		Checks checks = Checks.arguments();
		for (int i = 0; i < moves.size(); i++) {
			AcceptedMove move = moves.get(i);
			long teacher = GlobalId.key(move.teacherId(), "Teacher", "moves[" + i + "].teacherId");
			long school = GlobalId.key(move.toSchoolId(), "School", "moves[" + i + "].toSchoolId");
			checks.require(teachers.add(teacher), "moves[" + i + "].teacherId", "check.teacherTwice");
			chosen.add(new Chosen(teacher, school, (move.kind() != null) ? move.kind() : ExchangeKind.ROTATION));
		}
		checks.validate();
		return chosen;
	}

	/** The moves as exchanges, each checked as the planner checks its own; any broken rule refuses them all. */
	private static List<Exchange> exchanges(Planner.Read read, List<Chosen> chosen, int year) {
		Map<Long, Candidate> candidates = read.candidates().stream()
			.collect(Collectors.toMap((c) -> c.teacher().id(), (c) -> c));
		Checks checks = Checks.arguments();
		List<ProposedMove> moves = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			Chosen move = chosen.get(i);
			Candidate candidate = candidates.get(move.teacherId());
			checks.require(candidate != null, "moves[" + i + "].teacherId", "check.notCandidate");
			if (candidate != null) {
				boolean reachable = candidate.destinations().stream().anyMatch((d) -> d.schoolId() == move.toSchoolId());
				checks.require(reachable, "moves[" + i + "].toSchoolId", "check.notDestination");
				moves.add(new ProposedMove(move.teacherId(), candidate.home().schoolId(), move.toSchoolId(), move.kind(),
						candidate.teacher().backbone()));
			}
		}
		checks.validate();
		List<String> lost = ExchangeRules.specialistsLost(read.county(), moves);
		Checks.arguments().require(lost.isEmpty(), "moves", "check.leavesWithoutSpecialist", String.join(", ", lost)).validate();
		LocalDate starts = LocalDate.of(year, 9, 1);
		LocalDate ends = LocalDate.of(year + 1, 7, 31);
		return moves.stream()
			.map((m) -> new Exchange(null, m.teacherId(), m.fromSchoolId(), m.toSchoolId(), year, m.kind(), starts, ends,
					ExchangeStatus.PLANNED, null))
			.toList();
	}

}
