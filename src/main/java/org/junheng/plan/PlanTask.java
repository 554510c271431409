package org.junheng.plan;

import java.util.List;

import io.r2dbc.spi.Readable;

import org.junheng.system.Checks;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 重点任务 and the units responsible for it. */
@Table("plan_task")
public record PlanTask(@Id Long id, Long planId, Integer position, String title, String description,
		List<String> responsibleUnits, @Version Integer version) {

	/** The checks of a task, under the input path {@code prefix}. */
	void validate(String prefix) {
		Checks.on(prefix)
			.text(this.title, "title", 200)
			.require(this.description.length() <= 2000, "description", "check.maxLength", 2000)
			.require(this.responsibleUnits.size() <= 20 && this.responsibleUnits.stream().allMatch((u) -> !u.isBlank() && u.length() <= 100),
					"responsibleUnits", "check.responsibleUnits")
			.validate();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PlanTask that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

	static PlanTask from(Readable row) {
		return new PlanTask(row.get("id", Long.class), row.get("plan_id", Long.class), row.get("position", Integer.class),
				row.get("title", String.class), row.get("description", String.class),
				List.of(row.get("responsible_units", String[].class)), row.get("version", Integer.class));
	}

}
