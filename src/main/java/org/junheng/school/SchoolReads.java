package org.junheng.school;

import org.junheng.school.SchoolQueries.SchoolFilter;
import org.junheng.school.SchoolQueries.SchoolOrder;
import org.junheng.security.Access;
import org.junheng.sqlread.JsonRoot;
import org.junheng.sqlread.JsonType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schools as PostgreSQL writes them for a query it answers whole ({@code sqlread}), and the
 * page of {@code Query.schools} both paths read ({@link SchoolQueries#page}).
 */
@Configuration(proxyBeanMethods = false)
class SchoolReads {

	@Bean
	JsonRoot schoolsRoot(Access access) {
		return JsonRoot.page("schools", "School", (arguments, caller) -> SchoolQueries.page(access, caller, arguments.page(),
				arguments.get("filter", SchoolFilter.class), arguments.get("orderBy", SchoolOrder.class)));
	}

	@Bean
	JsonType schoolJson() {
		return JsonType.of("School", "school", "id")
			.columns("code", "name", "stage", "locality", "boarding", "version")
			.schools("id")
			.one("region", "Region", "{to}.code = {from}.region_code");
	}

}
