package org.junheng.teacher;

import org.junheng.security.Access;
import org.junheng.sqlread.JsonRoot;
import org.junheng.sqlread.JsonType;
import org.junheng.teacher.TeacherQueries.TeacherFilter;
import org.junheng.teacher.TeacherQueries.TeacherOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Teachers as PostgreSQL writes them for a query it answers whole ({@code sqlread}), the
 * teacher count this package adds to schools, and the page of {@code Query.teachers} both paths
 * read ({@link TeacherQueries#page}).
 */
@Configuration(proxyBeanMethods = false)
class TeacherReads {

	@Bean
	JsonRoot teachersRoot(Access access) {
		return JsonRoot.page("teachers", "Teacher", (arguments, caller) -> TeacherQueries.page(access, caller, arguments.page(),
				arguments.get("filter", TeacherFilter.class), arguments.get("orderBy", TeacherOrder.class)));
	}

	@Bean
	JsonType teacherJson() {
		return JsonType.of("Teacher", "teacher", "id")
			.columns("name", "gender", "birthYear", "staffNumber", "subjects", "highestDegree", "professionalTitle",
					"backboneLevel", "backboneValidFrom", "backboneValidUntil", "hasCertificate", "peSpecialist",
					"musicSpecialist", "artSpecialist", "joinedSchoolOn", "leftSchoolOn", "version")
			.column("trainingHours", "training_hours_5y")
			.schools("school_id")
			.one("school", "School", "{to}.id = {from}.school_id");
	}

	@Bean
	JsonType schoolTeacherCountJson() {
		return JsonType.extending("School")
			.computed("teacherCount", TeacherQueries.presentAt("{from}.id"));
	}

}
