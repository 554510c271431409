package org.junheng.school;

import java.util.List;

import org.junheng.region.Regions;
import org.junheng.system.Keyset;
import org.junheng.system.SqlWhere;

/** The filters and orderings of school lists, shared by {@code Query.schools} and {@code Region.schools}. */
final class SchoolQueries {

	record SchoolFilter(String regionCode, List<SchoolStage> stage, List<Locality> locality, String name, Boolean boarding,
			Integer schoolYear) {
	}

	enum SchoolOrderField implements Keyset.Field {

		NAME("s.name", "text"), CODE("s.code", "text"), CREATED("s.id", "bigint");

		private final String expression;

		private final String type;

		SchoolOrderField(String expression, String type) {
			this.expression = expression;
			this.type = type;
		}

		@Override
		public String expression() {
			return this.expression;
		}

		@Override
		public String type() {
			return this.type;
		}

	}

	record SchoolOrder(SchoolOrderField field, String direction) {
	}

	private SchoolQueries() {
	}

	static SqlWhere where(SchoolFilter filter) {
		SqlWhere where = new SqlWhere();
		if (filter == null) {
			return where;
		}
		return where.and(Regions.withinCondition("s.region_code", "region"), "region", filter.regionCode())
			.and("s.stage = any(:stages)", "stages", SqlWhere.names(filter.stage()))
			.and("s.locality = any(:localities)", "localities", SqlWhere.names(filter.locality()))
			.and("s.name like :name", "name", (filter.name() != null) ? SqlWhere.contains(filter.name()) : null)
			.and("s.boarding = :boarding", "boarding", filter.boarding())
			.and("exists (select 1 from school_conditions c where c.school_id = s.id and c.school_year = :year)", "year",
					filter.schoolYear());
	}

	static Keyset.Sort sort(SchoolOrder order) {
		return (order != null) ? Keyset.sort("school", order.field(), order.direction())
				: Keyset.sort("school", SchoolOrderField.NAME, "ASC");
	}

}
