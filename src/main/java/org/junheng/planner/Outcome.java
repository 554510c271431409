package org.junheng.planner;

import org.junheng.indicator.TeacherBalance;

/**
 * Where a set of moves leaves the county: the hard rules it breaks (schools left without a PE,
 * music or art teacher of their own; moves over the cap; teachers short of the exchange ratio
 * and of the backbone share) and the teacher indicators.
 */
record Outcome(int specialistsLost, int overCap, int ratioShortfall, int backboneShortfall, int moves, TeacherBalance balance) {
}
