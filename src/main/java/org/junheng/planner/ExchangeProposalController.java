package org.junheng.planner;

import java.util.Locale;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.system.Checks;
import org.junheng.system.RequestEnd;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.exchangeProposal} and the fields of {@code ExchangeProposal} said in the reader's language. */
@Controller
class ExchangeProposalController {

	private final Planner planner;

	private final Access access;

	ExchangeProposalController(Planner planner, Access access) {
		this.planner = planner;
		this.access = access;
	}

	@QueryMapping
	Mono<Proposal> exchangeProposal(@Argument String regionCode, @Argument int schoolYear, @Argument ProposalOptions options,
			GraphQLContext context) {
		Checks.arguments().schoolYear(schoolYear, "schoolYear").validate();
		ProposalOptions.Checked checked = ProposalOptions.check(options);
		// A plan reaches every school of the region: for those who plan there, not for a school's own administrator.
		// The search ends with its request: a client that gives up, or a timeout, frees the planner's threads.
		return RequestEnd.bound(context, this.access
			.requireRegion(Caller.of(context), regionCode, "regionCode", "action.planExchanges", Role.ADMIN, Role.PLANNER)
			.then(Mono.defer(() -> this.planner.propose(regionCode, schoolYear, checked))));
	}

	@SchemaMapping(typeName = "ExchangeProposal")
	String explanation(Proposal proposal, Locale locale) {
		return (proposal.explanation() != null) ? proposal.explanation().in(locale) : null;
	}

}
