package org.junheng.imports;

import java.util.Arrays;
import java.util.List;

/** The school-conditions template: its columns with Excel's checks on the school year and the figures. */
final class ConditionsTemplate {

	static final Template TEMPLATE = new Template("办学条件", ConditionsColumn.TEMPLATE_VERSION, 3,
			Arrays.stream(ConditionsColumn.values()).map(ConditionsTemplate::column).toList(),
			List.of("每所学校每个学年填一行；同一学校同一学年重复导入时以最新一次为准，内容相同则不作改动。",
					"先以“试导入”检查全部行，再正式导入；有任何一行不合格时，整份文件不导入。"));

	private ConditionsTemplate() {
	}

	static byte[] xlsx() {
		return TEMPLATE.xlsx();
	}

	static byte[] csv() {
		return TEMPLATE.csv();
	}

	private static Template.Column column(ConditionsColumn column) {
		Template.Check check = null;
		if (column == ConditionsColumn.SCHOOL_YEAR) {
			check = Template.Check.whole("1949", "2200", "学年为 1949 到 2200 之间的整数，如 2026");
		}
		else if (ConditionsColumn.GRADES.contains(column)) {
			check = Template.Check.whole("0", null, "学生数为不小于 0 的整数");
		}
		else if (column == ConditionsColumn.TEACHING_AREA || column == ConditionsColumn.SPORTS_AREA
				|| column == ConditionsColumn.EQUIPMENT_VALUE) {
			check = Template.Check.decimal("0", "不小于 0 的数");
		}
		return new Template.Column(column.header, column.note, check);
	}

}
