package org.junheng.plan;

import io.r2dbc.spi.Readable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("plan_goal")
public record Goal(@Id Long id, Long planId, Integer position, String description) {

	static Goal from(Readable row) {
		return new Goal(row.get("id", Long.class), row.get("plan_id", Long.class), row.get("position", Integer.class),
				row.get("description", String.class));
	}

}
