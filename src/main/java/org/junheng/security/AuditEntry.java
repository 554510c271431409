package org.junheng.security;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/** One row changed by one mutation, as the audit trigger recorded it; before and after are JSON text. */
record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String roles, String operation, String entity,
		String entityKey, String change, String regionCode, String before, String after) {

	static AuditEntry from(Readable row) {
		return new AuditEntry(row.get("id", Long.class), row.get("occurred_at", OffsetDateTime.class),
				row.get("actor", String.class), row.get("roles", String.class), row.get("operation", String.class),
				row.get("entity", String.class), row.get("entity_key", String.class), row.get("change", String.class),
				row.get("region_code", String.class), row.get("before_text", String.class), row.get("after_text", String.class));
	}

}
