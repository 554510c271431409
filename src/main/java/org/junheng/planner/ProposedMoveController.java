package org.junheng.planner;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.system.Batches;
import org.junheng.teacher.Teacher;
import org.junheng.teacher.Teachers;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The teacher and schools of proposed moves: one statement for each, however many moves. */
@Controller
class ProposedMoveController {

	private final Teachers teachers;

	private final Schools schools;

	ProposedMoveController(Teachers teachers, Schools schools) {
		this.teachers = teachers;
		this.schools = schools;
	}

	@BatchMapping(typeName = "ProposedMove")
	Mono<Map<ProposedMove, Teacher>> teacher(List<ProposedMove> moves) {
		return this.teachers.byIds(moves.stream().map(ProposedMove::teacherId).toList())
			.map((byId) -> Batches.joined(moves, ProposedMove::teacherId, byId));
	}

	@BatchMapping(typeName = "ProposedMove")
	Mono<Map<ProposedMove, School>> fromSchool(List<ProposedMove> moves) {
		return this.schools.byIds(moves.stream().map(ProposedMove::fromSchoolId).toList())
			.map((byId) -> Batches.joined(moves, ProposedMove::fromSchoolId, byId));
	}

	@BatchMapping(typeName = "ProposedMove")
	Mono<Map<ProposedMove, School>> toSchool(List<ProposedMove> moves) {
		return this.schools.byIds(moves.stream().map(ProposedMove::toSchoolId).toList())
			.map((byId) -> Batches.joined(moves, ProposedMove::toSchoolId, byId));
	}

}
