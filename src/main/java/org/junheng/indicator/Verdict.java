package org.junheng.indicator;

/**
 * The outcome of a judgement; NO_DATA when a missing figure could change it; NOT_JUDGED for a
 * teaching point under 50 students, which is reported but left out of the judgement.
 */
enum Verdict {

	PASS, FAIL, NO_DATA, NOT_JUDGED

}
