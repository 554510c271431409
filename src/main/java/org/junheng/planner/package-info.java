/**
 * The exchange planner (交流轮岗方案): proposes the year's teacher rotations that meet the
 * exchange rules and close the county's teacher-indicator gaps, searched with Timefold Solver
 * over figures read once, judged before and after by the indicators' own code, and accepted as
 * PLANNED exchanges in one audited transaction.
 */
package org.junheng.planner;
