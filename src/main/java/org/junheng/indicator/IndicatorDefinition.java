package org.junheng.indicator;

import io.r2dbc.spi.Readable;

/** An entry of the indicator catalogue (a row of {@code indicator_definition}). */
record IndicatorDefinition(String code, int position, String category, String nameZh, String nameEn, String unit,
		String direction, String baseFigures) {

	static IndicatorDefinition from(Readable row) {
		return new IndicatorDefinition(row.get("code", String.class), row.get("position", Integer.class),
				row.get("category", String.class), row.get("name_zh", String.class), row.get("name_en", String.class),
				row.get("unit", String.class), row.get("direction", String.class), row.get("base_figures", String.class));
	}

}
