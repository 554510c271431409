package org.junheng.plan;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("plan_goal")
public record Goal(@Id Long id, Long planId, Integer position, String description) {
}
