package org.junheng.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

import org.junheng.system.Checks;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dated step of a plan (实施步骤与时间节点). An achieved milestone always has its achieved date
 * and full progress; any other has no achieved date.
 */
@Table("milestone")
public record Milestone(@Id Long id, Long planId, String title, String description, LocalDate dueOn,
		MilestoneStatus status, Integer progress, LocalDate achievedOn, OffsetDateTime updatedAt, Long targetId,
		@Version Integer version) {

	/**
	 * The milestone as a client asked for it, made consistent: becoming ACHIEVED records today
	 * unless a date is given and sets progress to 100; leaving ACHIEVED clears the date.
	 */
	static Milestone of(Long id, Long planId, String title, String description, LocalDate dueOn, MilestoneStatus status,
			Integer progress, LocalDate achievedOn, Long targetId, Integer version, Clock clock) {
		boolean achieved = status == MilestoneStatus.ACHIEVED;
		LocalDate date = achieved ? ((achievedOn != null) ? achievedOn : LocalDate.now(clock)) : null;
		return new Milestone(id, planId, title, (description != null) ? description : "", dueOn, status,
				achieved ? Integer.valueOf(100) : progress, date, OffsetDateTime.now(clock), targetId, version);
	}

	/** Checks the rules of a milestone of this plan, reporting fields under {@code prefix}. */
	void validate(Plan plan, LocalDate achievedOnGiven, String prefix, Clock clock) {
		Checks.on(prefix)
			.text(this.title, "title", 200)
			.require(this.description.length() <= 2000, "description", "check.maxLength", 2000)
			.range(this.progress, 0, 100, "progress")
			.require(plan.covers(this.dueOn), "dueOn", "check.inPlanPeriod", plan.period())
			.require(achievedOnGiven == null || this.status == MilestoneStatus.ACHIEVED, "achievedOn",
					"check.achievedOnOnly")
			.require(this.achievedOn == null || !this.achievedOn.isAfter(LocalDate.now(clock)), "achievedOn",
					"check.future")
			.validate();
	}


	static Milestone from(Readable row) {
		return new Milestone(row.get("id", Long.class), row.get("plan_id", Long.class), row.get("title", String.class),
				row.get("description", String.class), row.get("due_on", LocalDate.class),
				MilestoneStatus.valueOf(row.get("status", String.class)), row.get("progress", Integer.class),
				row.get("achieved_on", LocalDate.class), row.get("updated_at", OffsetDateTime.class), row.get("target_id", Long.class),
				row.get("version", Integer.class));
	}


	/**
	 * The same milestone whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Milestone that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
