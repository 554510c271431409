package org.junheng.indicator;

/** The outcome of a judgement; NO_DATA when a missing figure could change it. */
enum Verdict {

	PASS, FAIL, NO_DATA

}
