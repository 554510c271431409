package org.junheng.imports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a staff list (教职工名单), one row per full-time teacher at a school on the
 * school year's base date (1 September). A column is found by its header; the enumerations are
 * written in Chinese as the statistics forms write them, and their English names are read too.
 */
enum TeachersColumn {

	CODE("学校标识码", "code", "10 位学校标识码，必填", null),
	SCHOOL_NAME("学校名称", null, "仅供核对，不导入", null),
	SCHOOL_YEAR("学年", "schoolYear", "名单所属学年，如 2026 或 2026-2027；统计时点为当年 9 月 1 日。必填", null),
	STAFF_NUMBER("教职工号", "staffNumber", "4 到 32 位字母、数字或连字符，全省唯一，教师调动后不变。必填", null),
	NAME("姓名", "name", "必填，不超过 50 个字", null),
	GENDER("性别", "gender", "男 或 女。必填", choices("男", "MALE", "女", "FEMALE")),
	BIRTH_YEAR("出生年份", "birthYear", "如 1985（也可填出生日期）。必填", null),
	DEGREE("最高学历", "highestDegree", "高中、中专、专科、本科、硕士、博士。必填",
			choices("高中", "HIGH_SCHOOL", "中专", "SECONDARY_VOCATIONAL", "专科", "ASSOCIATE", "本科", "BACHELOR", "硕士", "MASTER",
					"博士", "DOCTORATE")),
	TITLE("职称", "professionalTitle", "未评、三级、二级、一级、高级、正高级；留空为未评",
			choices("未评", "NONE", "三级", "THIRD_GRADE", "二级", "SECOND_GRADE", "一级", "FIRST_GRADE", "高级", "SENIOR", "正高级",
					"PROFESSOR")),
	SUBJECTS("任教学科", "subjects", "用逗号或顿号分隔，如 语文、数学；至多 10 个", null),
	BACKBONE("骨干教师级别", "backboneLevel", "无、县级、市级、省级、国家级；留空为无",
			choices("无", "NONE", "县级", "COUNTY", "市级", "CITY", "省级", "PROVINCE", "国家级", "NATIONAL")),
	BACKBONE_FROM("骨干认定起始日期", "backboneValidFrom", "日期，如 2024-09-01；可留空", null),
	BACKBONE_UNTIL("骨干认定截止日期", "backboneValidUntil", "日期，不早于起始日期；可留空", null),
	CERTIFICATE("持有教师资格证", "hasCertificate", "是 或 否；留空为是", choices("是", "true", "否", "false")),
	PE("体育专任教师", "peSpecialist", "是 或 否；留空为否", choices("是", "true", "否", "false")),
	MUSIC("音乐专任教师", "musicSpecialist", "是 或 否；留空为否", choices("是", "true", "否", "false")),
	ART("美术专任教师", "artSpecialist", "是 或 否；留空为否", choices("是", "true", "否", "false")),
	TRAINING("近五年培训学时", "trainingHours", "0 到 5000 的整数；留空为 0", null),
	JOINED("入职本校日期", "joinedSchoolOn", "日期，如 2015-09-01，不晚于当年 9 月 1 日。必填", null);

	/** Written in the template's notes sheet and checked on upload: a sheet of another version is refused. */
	static final String TEMPLATE_VERSION = "teachers-1";

	final String header;

	/** The input field whose checks this column answers for; null for a column that is not imported. */
	final String field;

	final String note;

	/** For an enumeration: what may be written (Chinese, and the English names) and what it means. */
	final Map<String, String> choices;

	TeachersColumn(String header, String field, String note, Map<String, String> choices) {
		this.header = header;
		this.field = field;
		this.note = note;
		this.choices = choices;
	}

	/** The Chinese choices, as the template's pick lists show them. */
	List<String> labels() {
		return this.choices.keySet().stream().filter((label) -> !label.matches("[A-Za-z_]+")).toList();
	}

	/** The column a broken rule of this field is shown at. */
	static TeachersColumn of(String field) {
		return Arrays.stream(values()).filter((column) -> field.equals(column.field)).findFirst().orElse(STAFF_NUMBER);
	}

	/** Each label and the name it stands for; each name stands for itself too. */
	private static Map<String, String> choices(String... labelsAndNames) {
		Map<String, String> choices = new LinkedHashMap<>();
		for (int i = 0; i < labelsAndNames.length; i += 2) {
			choices.put(labelsAndNames[i], labelsAndNames[i + 1]);
			choices.put(labelsAndNames[i + 1], labelsAndNames[i + 1]);
		}
		return choices;
	}

}
