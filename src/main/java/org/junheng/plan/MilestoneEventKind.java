package org.junheng.plan;

/** What a change did to a milestone; a status change names the status it reached where it can. */
enum MilestoneEventKind {

	CREATED, UPDATED, PROGRESS_CHANGED, STATUS_CHANGED, ACHIEVED, OVERDUE, CANCELLED

}
