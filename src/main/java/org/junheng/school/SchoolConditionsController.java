package org.junheng.school;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.system.AfterCommit;
import org.junheng.system.BaseFiguresChanged;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;

/** 办学条件 by school year: {@code School.conditions}, its history, and recording a year. */
@Controller
class SchoolConditionsController {

	private final DatabaseClient db;

	private final R2dbcEntityTemplate template;

	private final ApplicationEventPublisher events;

	private final Schools schools;

	private final Access access;

	SchoolConditionsController(R2dbcEntityTemplate template, Schools schools, ApplicationEventPublisher events,
			Access access, BatchLoaderRegistry loaders) {
		this.access = access;
		this.template = template;
		this.db = template.getDatabaseClient();
		this.schools = schools;
		this.events = events;
		// One statement per distinct school year asked for, whatever the number of schools.
		loaders.<ConditionsKey, SchoolConditions>forName("schoolConditions").registerMappedBatchLoader((keys,
				env) -> Batches.byGroup(keys, (key) -> String.valueOf(key.schoolYear()), (year, group) -> load(group)));
	}

	/** A school and the year asked for; a null year asks for the latest recorded one. */
	record ConditionsKey(long schoolId, Integer schoolYear) {
	}

	record RecordSchoolConditionsInput(String schoolId, Integer schoolYear, Integer version, List<Integer> studentsByGrade,
			List<Integer> classSizes, BigDecimal teachingArea, BigDecimal sportsArea, BigDecimal equipmentValue,
			Integer multimediaClassrooms, List<BigDecimal> musicRoomAreas, List<BigDecimal> artRoomAreas, Integer books) {
	}

	@SchemaMapping
	CompletableFuture<SchoolConditions> conditions(School school, @Argument Integer schoolYear,
			DataLoader<ConditionsKey, SchoolConditions> schoolConditions) {
		return schoolConditions.load(new ConditionsKey(school.id(), schoolYear));
	}

	@BatchMapping
	Mono<Map<School, List<SchoolConditions>>> conditionsHistory(List<School> schools) {
		return this.db.sql("select * from school_conditions where school_id = any(:ids) order by school_id, school_year desc")
			.bind("ids", schools.stream().map(School::id).toArray(Long[]::new))
			.map(SchoolConditions::from)
			.all()
			.collectMultimap(SchoolConditions::schoolId)
			.map((bySchool) -> Batches.joinedLists(schools, (school) -> school.id(), bySchool));
	}

	@MutationMapping
	Mono<SchoolConditions> recordSchoolConditions(@Argument RecordSchoolConditionsInput input, GraphQLContext context) {
		long schoolId = GlobalId.key(input.schoolId(), "School", "input.schoolId");
		SchoolConditions conditions = new SchoolConditions(null, schoolId, input.schoolYear(), input.studentsByGrade(),
				input.classSizes(), input.teachingArea(), input.sportsArea(), input.equipmentValue(),
				input.multimediaClassrooms(), areas(input.musicRoomAreas()), areas(input.artRoomAreas()), input.books(), null);
		conditions.checkFigures(Checks.on("input")).validate();
		return this.access.requireSchool(Caller.of(context), schoolId, true, "input.schoolId", "action.recordConditions", Role.ADMIN)
			.then(this.schools.require(schoolId, "input.schoolId")).flatMap((school) -> {
			conditions.checkGrades(Checks.on("input"), school.stage()).validate();
			return this.db.sql("select id, version from school_conditions where school_id = :school and school_year = :year")
				.bind("school", schoolId).bind("year", input.schoolYear())
				.map((row) -> conditions.withId(row.get("id", Long.class), row.get("version", Integer.class)))
				.one()
				.flatMap((existing) -> {
					ConflictException.check(existing.version(), input.version(), "thing.schoolYear");
					return this.template.update(existing);
				})
				.switchIfEmpty(Mono.defer(() -> {
					if (input.version() != null) {
						return Mono.error(new ConflictException("input.version", Text.of("conflict.noConditionsYet")));
					}
					return this.template.insert(conditions);
				}));
		}).flatMap((saved) -> AfterCommit.publish(this.events, new BaseFiguresChanged("school conditions")).thenReturn(saved));
	}

	private Mono<Map<ConditionsKey, SchoolConditions>> load(List<ConditionsKey> keys) {
		Integer year = keys.get(0).schoolYear();
		Long[] ids = keys.stream().map(ConditionsKey::schoolId).distinct().toArray(Long[]::new);
		String sql = (year != null) ? "select * from school_conditions where school_id = any(:ids) and school_year = :year"
				: "select distinct on (school_id) * from school_conditions where school_id = any(:ids) order by school_id, school_year desc";
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql).bind("ids", ids);
		if (year != null) {
			spec = spec.bind("year", year);
		}
		return spec.map(SchoolConditions::from)
			.all()
			.collectMap((conditions) -> new ConditionsKey(conditions.schoolId(), year));
	}

	private static List<BigDecimal> areas(List<BigDecimal> areas) {
		return (areas != null) ? areas : List.of();
	}

}
