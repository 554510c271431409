package org.junheng.planner;

import org.junheng.exchange.ExchangeKind;

/** A teacher the planner proposes to send from its school to another for the year. */
record ProposedMove(long teacherId, long fromSchoolId, long toSchoolId, ExchangeKind kind, boolean backbone) {
}
