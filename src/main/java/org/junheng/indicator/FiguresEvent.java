package org.junheng.indicator;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/**
 * A change to the base figures of a region's schools, or to the thresholds of a region and all
 * below it, as recorded in {@code figures_event} (see V7__figures_events.sql).
 */
record FiguresEvent(long id, OffsetDateTime occurredAt, String regionPath, Integer schoolYear) {

	/**
	 * Whether the balance of the region at {@code path} in the school year may have changed: the
	 * change lies in the region's subtree, or is a threshold change of the region or one above it.
	 */
	boolean affects(String path, int year) {
		boolean sameYear = this.schoolYear == null || this.schoolYear == year;
		boolean related = this.regionPath.isEmpty() || this.regionPath.equals(path) || this.regionPath.startsWith(path + "/")
				|| path.startsWith(this.regionPath + "/");
		return sameYear && related;
	}

	static FiguresEvent from(Readable row) {
		return new FiguresEvent(row.get("id", Long.class), row.get("occurred_at", OffsetDateTime.class),
				row.get("region_path", String.class), row.get("school_year", Integer.class));
	}

}
