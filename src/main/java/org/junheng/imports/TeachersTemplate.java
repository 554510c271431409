package org.junheng.imports;

import java.util.Arrays;
import java.util.List;

/** The staff-list template: its columns, with pick lists for the enumerations and Excel's checks on the numbers. */
final class TeachersTemplate {

	static final Template TEMPLATE = new Template("教职工名单", TeachersColumn.TEMPLATE_VERSION, 5,
			Arrays.stream(TeachersColumn.values()).map(TeachersTemplate::column).toList(),
			List.of("每所学校每个学年一份名单：列出统计时点（当年 9 月 1 日）在校的全部专任教师，每人一行；可把多所学校的名单放在同一文件中。",
					"教职工号全省唯一，教师调动后不变：调入的教师写新学校的标识码和入职本校日期，原学校的任职随之结束。",
					"上一份名单中有、本份名单中没有的教师，记为已于统计时点离开该校（保留记录，不删除）。",
					"同一份名单重复导入不作任何改动；先以“试导入”检查全部行，再正式导入；有任何一行不合格时，整份文件不导入。"));

	private TeachersTemplate() {
	}

	private static Template.Column column(TeachersColumn column) {
		Template.Check check = null;
		if (column.choices != null) {
			check = Template.Check.choice(column.labels());
		}
		else if (column == TeachersColumn.SCHOOL_YEAR) {
			check = Template.Check.whole("1949", "2200", "学年为 1949 到 2200 之间的整数，如 2026");
		}
		else if (column == TeachersColumn.BIRTH_YEAR) {
			check = Template.Check.whole("1940", "2010", "出生年份为 1940 到 2010 之间的整数");
		}
		else if (column == TeachersColumn.TRAINING) {
			check = Template.Check.whole("0", "5000", "培训学时为 0 到 5000 之间的整数");
		}
		return new Template.Column(column.header, column.note, check);
	}

}
