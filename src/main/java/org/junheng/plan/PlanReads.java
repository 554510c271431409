package org.junheng.plan;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.sqlread.JsonRoot;
import org.junheng.sqlread.JsonType;
import org.junheng.system.GlobalId;
import org.junheng.system.SqlWhere;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plans, milestones and targets as PostgreSQL writes them for a query it answers whole
 * ({@code sqlread}), and the one lookup of a plan by ID both paths use. The orders are the ones
 * the batch loaders read lists in.
 */
@Configuration(proxyBeanMethods = false)
class PlanReads {

	static final String MILESTONE_ORDER = "due_on, id";

	static final String TARGET_ORDER = "deadline, id";

	/** The plan of this ID if the caller reads its region; an ID of another type is refused. */
	static SqlWhere byId(Access access, Caller caller, String id, String alias) {
		long key = GlobalId.key(id, "Plan", "id");
		return access.requirePublicData(caller, "plan")
			.onRegion(new SqlWhere().and(alias + ".id = :id", "id", key), alias + ".region_code");
	}

	@Bean
	JsonRoot planRoot(Access access) {
		return JsonRoot.one("plan", "Plan", (arguments, caller, alias) -> byId(access, caller, arguments.get("id", String.class), alias));
	}

	@Bean
	JsonType planJson() {
		return JsonType.of("Plan", "plan", "id")
			.columns("title", "startYear", "endYear", "status", "version")
			.one("region", "Region", "{to}.code = {from}.region_code")
			.many("milestones", "Milestone", "{to}.plan_id = {from}.id", MILESTONE_ORDER)
			.many("targets", "Target", "{to}.plan_id = {from}.id", TARGET_ORDER);
	}

	@Bean
	JsonType milestoneJson() {
		return JsonType.of("Milestone", "milestone", "id")
			.columns("title", "description", "dueOn", "status", "progress", "achievedOn", "updatedAt", "version");
	}

	@Bean
	JsonType targetJson() {
		return JsonType.of("Target", "target", "id")
			.columns("measure", "unit", "baseline", "targetValue", "deadline", "scope", "indicatorCode", "stage", "schoolYear",
					"currentValue", "version");
	}

}
