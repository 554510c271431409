package org.junheng.planner;

/**
 * A school a teacher may be sent to: its place in the scenario's schools, its ID and its
 * locality as a rank (0 urban, 1 town, 2 rural: a higher rank is, as a rule, the weaker school).
 */
record Destination(int index, long schoolId, int localityRank, String regionCode) {
}
