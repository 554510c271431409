package org.junheng.plan;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 重点任务 and the units responsible for it. */
@Table("plan_task")
public record PlanTask(@Id Long id, Long planId, Integer position, String title, String description,
		List<String> responsibleUnits, @Version Integer version) {
}
