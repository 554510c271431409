package org.junheng.teacher;

import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.system.Batches;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;

/** Teachers' tenures, and their schools, each batched over every teacher of a page. */
@Controller
class TenureController {

	private final DatabaseClient db;

	private final Schools schools;

	TenureController(DatabaseClient db, Schools schools) {
		this.db = db;
		this.schools = schools;
	}

	@BatchMapping(typeName = "Teacher")
	Mono<Map<Teacher, List<Tenure>>> tenures(List<Teacher> teachers) {
		return this.db.sql("select teacher_id, school_id, started_on, ended_on from teacher_tenure where teacher_id = any(:ids)"
				+ " order by teacher_id, started_on")
			.bind("ids", teachers.stream().map(Teacher::id).distinct().toArray(Long[]::new))
			.map((row) -> new Tenure(row.get("teacher_id", Long.class), row.get("school_id", Long.class),
					row.get("started_on", LocalDate.class), row.get("ended_on", LocalDate.class)))
			.all()
			.collect(Collectors.groupingBy(Tenure::teacherId))
			.map((byTeacher) -> Batches.joinedLists(teachers, Teacher::id, byTeacher));
	}

	@BatchMapping
	Mono<Map<Tenure, School>> school(List<Tenure> tenures) {
		return this.schools.byIds(tenures.stream().map(Tenure::schoolId).toList())
			.map((byId) -> Batches.joined(tenures, Tenure::schoolId, byId));
	}

}
