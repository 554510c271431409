package org.junheng.school;

import java.util.List;
import java.util.Map;

import org.junheng.region.Regions;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.Keyset;
import org.junheng.system.PageQuery;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;

/** The filters and orderings of school lists, shared by {@code Query.schools} and {@code Region.schools}. */
final class SchoolQueries {

	record SchoolFilter(String regionCode, List<SchoolStage> stage, List<Locality> locality, String name, Boolean boarding,
			Integer schoolYear) {
	}

	enum SchoolOrderField {

		NAME, CODE, CREATED

	}

	private static final Map<SchoolOrderField, Keyset.Column> ORDER_COLUMNS = Map.of(
			SchoolOrderField.NAME, new Keyset.Column("s.name"),
			SchoolOrderField.CODE, new Keyset.Column("s.code"),
			SchoolOrderField.CREATED, new Keyset.Column("s.id"));

	record SchoolOrder(SchoolOrderField field, String direction) {
	}

	private SchoolQueries() {
	}

	/** The page of {@code Query.schools}: the filter within the schools the caller may read. */
	static PageQuery page(Access access, Caller caller, PageRequest page, SchoolFilter filter, SchoolOrder order) {
		Scope scope = access.requireSchoolData(caller, "schools");
		return new PageQuery("school s", "s", scope.onSchool(where(filter), "s.id"), sort(order), page);
	}

	static SqlWhere where(SchoolFilter filter) {
		SqlWhere where = new SqlWhere();
		if (filter == null) {
			return where;
		}
		return where.and(Regions.withinCondition("s.region_code", "region"), "region", filter.regionCode())
			.and("s.stage = any(:stages)", "stages", SqlWhere.names(filter.stage()))
			.and("s.locality = any(:localities)", "localities", SqlWhere.names(filter.locality()))
			.containing("s.name", "name", filter.name())
			.and("s.boarding = :boarding", "boarding", filter.boarding())
			.and("exists (select 1 from school_conditions c where c.school_id = s.id and c.school_year = :year)", "year",
					filter.schoolYear());
	}

	static Keyset.Sort sort(SchoolOrder order) {
		return (order != null) ? Keyset.sort("school", order.field(), ORDER_COLUMNS, order.direction())
				: Keyset.sort("school", SchoolOrderField.NAME, ORDER_COLUMNS, "ASC");
	}

}
