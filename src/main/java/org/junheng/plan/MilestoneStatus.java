package org.junheng.plan;

public enum MilestoneStatus {

	PLANNED, IN_PROGRESS, ACHIEVED, OVERDUE, CANCELLED

}
