package org.junheng.indicator;

/**
 * How the teacher indicators (1 to 3) stand across a region, in the terms the planner ranks
 * moves by: CVs over their thresholds (how many, and by how much in millionths), judged school
 * stages that pass, and judged school stages' teacher indicators that are met.
 */
public record TeacherBalance(int failingCvs, long cvExcessMillionths, int passingStages, int metTeacherIndicators) {
}
