package org.junheng.planner;

import org.junheng.system.Text;

/** One hard rule checked against a proposal's moves, with what the check found. */
record RuleCheck(ExchangeRule rule, boolean met, Text detail) {
}
