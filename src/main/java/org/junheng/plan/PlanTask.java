package org.junheng.plan;

import java.util.List;

import io.r2dbc.spi.Readable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 重点任务 and the units responsible for it. */
@Table("plan_task")
public record PlanTask(@Id Long id, Long planId, Integer position, String title, String description,
		List<String> responsibleUnits, @Version Integer version) {

	static PlanTask from(Readable row) {
		return new PlanTask(row.get("id", Long.class), row.get("plan_id", Long.class), row.get("position", Integer.class),
				row.get("title", String.class), row.get("description", String.class),
				List.of(row.get("responsible_units", String[].class)), row.get("version", Integer.class));
	}

}
