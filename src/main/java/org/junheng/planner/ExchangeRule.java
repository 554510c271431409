package org.junheng.planner;

import org.junheng.system.Text;

/** The hard rules of a proposal, in the order an infeasible county is told of them. */
enum ExchangeRule {

	EXCHANGE_RATIO, BACKBONE_SHARE, ONCE_PER_TEACHER, NOT_ALREADY_EXCHANGED, KEEPS_SPECIALISTS, IN_SCOPE;

	/** The rule as people say it. */
	Text text() {
		return switch (this) {
			case EXCHANGE_RATIO -> Text.of("planner.nameRatio");
			case BACKBONE_SHARE -> Text.of("planner.nameShare");
			case ONCE_PER_TEACHER -> Text.of("planner.nameOnce");
			case NOT_ALREADY_EXCHANGED -> Text.of("planner.nameNotAgain");
			case KEEPS_SPECIALISTS -> Text.of("planner.nameKeeps");
			case IN_SCOPE -> Text.of("planner.nameInScope");
		};
	}

}
