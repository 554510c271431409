package org.junheng.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/**
 * One change to a milestone, as recorded in {@code milestone_event}: the milestone right after the
 * change, what it was before and where its plan sits among the regions.
 */
record MilestoneEvent(long id, MilestoneEventKind kind, MilestoneStatus previousStatus, OffsetDateTime occurredAt,
		String regionCode, String regionPath, Milestone milestone) {

	/** Cursors are opaque to clients; today they are the event's number. */
	public String cursor() {
		return Long.toString(this.id);
	}

	long planId() {
		return this.milestone.planId();
	}

	/** Whether the event's plan belongs to the region with this path or to one of its descendants. */
	boolean within(String path) {
		return within(this.regionPath, path);
	}

	/** Whether a region path is the given one or lies below it. */
	static boolean within(String path, String ancestor) {
		return path.equals(ancestor) || path.startsWith(ancestor + "/");
	}

	static MilestoneEvent from(Readable row) {
		String previous = row.get("previous_status", String.class);
		Milestone milestone = new Milestone(row.get("milestone_id", Long.class), row.get("plan_id", Long.class),
				row.get("title", String.class), row.get("description", String.class), row.get("due_on", LocalDate.class),
				MilestoneStatus.valueOf(row.get("status", String.class)), row.get("progress", Integer.class),
				row.get("achieved_on", LocalDate.class), row.get("updated_at", OffsetDateTime.class),
				row.get("target_id", Long.class), row.get("version", Integer.class));
		return new MilestoneEvent(row.get("id", Long.class), MilestoneEventKind.valueOf(row.get("kind", String.class)),
				(previous != null) ? MilestoneStatus.valueOf(previous) : null, row.get("occurred_at", OffsetDateTime.class),
				row.get("region_code", String.class), row.get("region_path", String.class), milestone);
	}

}
