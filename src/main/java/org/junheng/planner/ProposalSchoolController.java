package org.junheng.planner;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.junheng.indicator.ScenarioJudgement;
import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.system.Batches;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code ProposalSchool.school}: one statement for every school of a proposal, before and after. */
@Controller
class ProposalSchoolController {

	private final Schools schools;

	ProposalSchoolController(Schools schools) {
		this.schools = schools;
	}

	@BatchMapping(typeName = "ProposalSchool")
	Mono<Map<ScenarioJudgement.SchoolStages, School>> school(List<ScenarioJudgement.SchoolStages> stages) {
		return this.schools.byIds(stages.stream().map(ScenarioJudgement.SchoolStages::schoolId).toList())
			.map((byId) -> Batches.joined(stages, ScenarioJudgement.SchoolStages::schoolId, byId));
	}

}
