package org.junheng.imports;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the school-conditions sheet, one row per school and school year, with the
 * Chinese headers of the 教育事业统计 base tables. Templates are written from this list and uploads
 * read by it: a column is found by its header, so a bureau may reorder or add columns.
 */
enum ConditionsColumn {

	CODE("学校标识码", "code", "10 位学校标识码，必填"),
	NAME("学校名称", null, "仅供核对，不导入"),
	SCHOOL_YEAR("学年", "schoolYear", "如 2026 或 2026-2027，必填"),
	GRADE_1("一年级学生数", "studentsByGrade", "人"),
	GRADE_2("二年级学生数", "studentsByGrade", "人"),
	GRADE_3("三年级学生数", "studentsByGrade", "人"),
	GRADE_4("四年级学生数", "studentsByGrade", "人"),
	GRADE_5("五年级学生数", "studentsByGrade", "人"),
	GRADE_6("六年级学生数", "studentsByGrade", "人；五年制小学留空"),
	GRADE_7("七年级学生数", "studentsByGrade", "人；初中学校只填七至九年级"),
	GRADE_8("八年级学生数", "studentsByGrade", "人"),
	GRADE_9("九年级学生数", "studentsByGrade", "人"),
	GRADE_10("十年级学生数", "studentsByGrade", "人；十二年一贯制学校的高一"),
	GRADE_11("十一年级学生数", "studentsByGrade", "人；高二"),
	GRADE_12("十二年级学生数", "studentsByGrade", "人；高三"),
	CLASS_SIZES("各班人数", "classSizes", "每班学生数，用逗号或顿号分隔，如 45,44,46；总数须等于各年级学生数之和"),
	TEACHING_AREA("教学及辅助用房面积（平方米）", "teachingArea", "平方米"),
	SPORTS_AREA("体育运动场馆面积（平方米）", "sportsArea", "平方米"),
	EQUIPMENT_VALUE("教学仪器设备值（元）", "equipmentValue", "元"),
	MULTIMEDIA_CLASSROOMS("网络多媒体教室数（间）", "multimediaClassrooms", "间"),
	MUSIC_ROOMS("音乐教室面积（平方米）", "musicRoomAreas", "每间面积，用逗号分隔，如 96,96"),
	ART_ROOMS("美术教室面积（平方米）", "artRoomAreas", "每间面积，用逗号分隔"),
	BOOKS("图书（册）", "books", "册");

	/** Written in the template's notes sheet and checked on upload: a sheet of another version is refused. */
	static final String TEMPLATE_VERSION = "conditions-1";

	static final List<ConditionsColumn> GRADES = List.of(GRADE_1, GRADE_2, GRADE_3, GRADE_4, GRADE_5, GRADE_6, GRADE_7, GRADE_8,
			GRADE_9, GRADE_10, GRADE_11, GRADE_12);

	final String header;

	/** The input field whose checks this column answers for; null for a column that is not imported. */
	final String field;

	final String note;

	ConditionsColumn(String header, String field, String note) {
		this.header = header;
		this.field = field;
		this.note = note;
	}

	static List<String> headers() {
		return Arrays.stream(values()).map((column) -> column.header).toList();
	}

	/** The column a broken rule of this field is shown at; the first grade for the grades. */
	static ConditionsColumn of(String field) {
		return Arrays.stream(values()).filter((column) -> field.equals(column.field)).findFirst().orElse(CODE);
	}

}
