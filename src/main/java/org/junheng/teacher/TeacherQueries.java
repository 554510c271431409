package org.junheng.teacher;

import java.util.List;
import java.util.Map;

import org.junheng.region.Regions;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.GlobalId;
import org.junheng.system.Keyset;
import org.junheng.system.PageQuery;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;

/** The filters and orderings of teacher lists, shared by {@code Query.teachers} and {@code School.teachers}. */
final class TeacherQueries {

	record TeacherFilter(String regionCode, String schoolId, String name, String subject, Boolean backbone,
			List<Degree> highestDegree, TeacherStatus status, String staffNumber) {
	}

	/** Whether a list shows the teachers at their school now, those who left, or both. */
	enum TeacherStatus {

		PRESENT, LEFT, ANY

	}

	enum TeacherOrderField {

		NAME, CREATED

	}

	/**
	 * A teacher at the school now: not recorded as having left. The count of them per school is
	 * kept by the database as teacher rows change (V12, {@code school_teacher_count}), by this rule.
	 */
	static final String PRESENT = "left_school_on is null";

	private static final Map<TeacherOrderField, Keyset.Column> ORDER_COLUMNS = Map.of(
			TeacherOrderField.NAME, new Keyset.Column("t.name"),
			TeacherOrderField.CREATED, new Keyset.Column("t.id"));

	record TeacherOrder(TeacherOrderField field, String direction) {
	}

	private TeacherQueries() {
	}

	/** How many teachers the school whose id is the expression has now (School.teacherCount), for both read paths. */
	static String presentAt(String schoolId) {
		return "coalesce((select c.present from school_teacher_count c where c.school_id = " + schoolId + "), 0)";
	}

	/** The page of {@code Query.teachers}: refused without a token, and within what the caller may read. */
	static PageQuery page(Access access, Caller caller, PageRequest page, TeacherFilter filter, TeacherOrder order) {
		access.requireSchoolData(caller, "teachers");
		return new PageQuery("teacher t", "t", where(filter, order, access, caller), sort(order, access, caller), page);
	}

	static SqlWhere where(TeacherFilter filter) {
		SqlWhere where = new SqlWhere();
		// Teachers who left are kept for the history, and listed only when asked for.
		TeacherStatus status = (filter != null && filter.status() != null) ? filter.status() : TeacherStatus.PRESENT;
		if (status != TeacherStatus.ANY) {
			where.and((status == TeacherStatus.PRESENT) ? "t." + PRESENT : "not t." + PRESENT);
		}
		if (filter == null) {
			return where;
		}
		where.and("t.school_id in (select s.id from school s where " + Regions.withinCondition("s.region_code", "region") + ")",
				"region", filter.regionCode())
			.and("t.school_id = :school", "school", GlobalId.optionalKey(filter.schoolId(), "School", "filter.schoolId"))
			.containing("t.name", "name", filter.name())
			.and(":subject = any(t.subjects)", "subject", filter.subject())
			.and("t.staff_number = :staff", "staff", (filter.staffNumber() != null) ? filter.staffNumber().strip() : null)
			.and("t.highest_degree = any(:degrees)", "degrees", SqlWhere.names(filter.highestDegree()));
		if (filter.backbone() != null) {
			where.and(filter.backbone() ? "t.backbone_level <> 'NONE'" : "t.backbone_level = 'NONE'");
		}
		return where;
	}

	/**
	 * The filter within what the caller may read. Searching or ordering by name is reading
	 * personal data: it is refused to callers without personal access and limited to the schools
	 * they have it for.
	 */
	static SqlWhere where(TeacherFilter filter, TeacherOrder order, Access access, Caller caller) {
		SqlWhere where = access.schoolData(caller).onSchool(where(filter), "t.school_id");
		boolean byName = filter != null && (filter.name() != null || filter.staffNumber() != null);
		boolean orderedByName = sortField(order, access, caller) == TeacherOrderField.NAME;
		if (byName || orderedByName) {
			Scope personal = access.personalData(caller);
			if (personal.none()) {
				throw byName ? caller.forbidden((filter.name() != null) ? "filter.name" : "filter.staffNumber", "action.searchTeachersByName")
						: caller.forbidden("orderBy.field", "action.orderTeachersByName");
			}
			personal.onSchool(where, "t.school_id");
		}
		return where;
	}

	/** By name for callers who may read names, else in the order they were created. */
	private static TeacherOrderField sortField(TeacherOrder order, Access access, Caller caller) {
		if (order != null) {
			return order.field();
		}
		return access.personalData(caller).none() ? TeacherOrderField.CREATED : TeacherOrderField.NAME;
	}

	static Keyset.Sort sort(TeacherOrder order, Access access, Caller caller) {
		return Keyset.sort("teacher", sortField(order, access, caller), ORDER_COLUMNS,
				(order != null) ? order.direction() : "ASC");
	}

}
