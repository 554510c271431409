package org.junheng.plan;

import java.time.LocalDate;

import io.r2dbc.spi.Readable;

import org.junheng.system.Text;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 发展规划 of a region for a period of whole years. */
@Table("plan")
public record Plan(@Id Long id, String regionCode, String title, Integer startYear, Integer endYear, PlanStatus status,
		@Version Integer version) {

	/** Whether a date (a milestone's due date, a target's deadline) falls inside the plan's period. */
	boolean covers(LocalDate date) {
		return date.getYear() >= this.startYear && date.getYear() <= this.endYear;
	}

	Text period() {
		return Text.of("plan.period", this.startYear, this.endYear);
	}

	Plan with(String title, Integer startYear, Integer endYear, PlanStatus status) {
		return new Plan(this.id, this.regionCode, (title != null) ? title : this.title,
				(startYear != null) ? startYear : this.startYear, (endYear != null) ? endYear : this.endYear,
				(status != null) ? status : this.status, this.version);
	}


	static Plan from(Readable row) {
		return new Plan(row.get("id", Long.class), row.get("region_code", String.class), row.get("title", String.class),
				row.get("start_year", Integer.class), row.get("end_year", Integer.class),
				PlanStatus.valueOf(row.get("status", String.class)), row.get("version", Integer.class));
	}


	/**
	 * The same plan whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Plan that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
