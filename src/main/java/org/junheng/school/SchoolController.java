package org.junheng.school;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.school.SchoolQueries.SchoolFilter;
import org.junheng.school.SchoolQueries.SchoolOrder;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.security.Scope;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.Connection;
import org.junheng.system.GlobalId;
import org.junheng.system.InvalidInputException;
import org.junheng.system.Keyset;
import org.junheng.system.NodeResolver;
import org.junheng.system.PageRequest;
import org.junheng.system.Text;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SchoolController implements NodeResolver {

	/** 学校标识码: ten digits. */
	private static final Pattern CODE = Pattern.compile("[0-9]{10}");

	private final SchoolRepository repository;

	private final Regions regions;

	private final R2dbcEntityTemplate template;

	private final Keyset keyset;

	private final Access access;

	SchoolController(SchoolRepository repository, Regions regions, R2dbcEntityTemplate template, Keyset keyset,
			Access access) {
		this.access = access;
		this.repository = repository;
		this.regions = regions;
		this.template = template;
		this.keyset = keyset;
	}

	record CreateSchoolInput(String code, String name, SchoolStage stage, Locality locality, String regionCode,
			Boolean boarding) {
	}

	record UpdateSchoolInput(String id, Integer version, String name, SchoolStage stage, Locality locality,
			String regionCode, Boolean boarding) {
	}

	@QueryMapping
	Mono<Connection<School>> schools(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument SchoolFilter filter, @Argument SchoolOrder orderBy, DataFetchingFieldSelectionSet selection,
			GraphQLContext context) {
		return this.keyset.page(SchoolQueries.page(this.access, Caller.of(context), PageRequest.of(first, after, last, before), filter,
				orderBy), selection, School::from);
	}

	@QueryMapping
	Mono<School> school(@Argument String id, GraphQLContext context) {
		Scope scope = this.access.requireSchoolData(Caller.of(context), "school");
		long key = GlobalId.key(id, "School", "id");
		return this.repository.findById(key).flatMap((school) -> this.access.keepSchool(scope, school, key, ":key"));
	}

	@BatchMapping
	Mono<Map<School, Region>> region(List<School> schools) {
		return this.regions.byCodes(schools.stream().map(School::regionCode).toList())
			.map((byCode) -> Batches.joined(schools, (school) -> school.regionCode(), byCode));
	}

	@MutationMapping
	Mono<School> createSchool(@Argument CreateSchoolInput input, GraphQLContext context) {
		Checks.on("input")
			.require(CODE.matcher(input.code()).matches(), "code", "check.schoolCode")
			.text(input.name(), "name", 100)
			.require(Regions.isCode(input.regionCode()), "regionCode", "check.regionCode")
			.validate();
		School school = new School(null, input.code(), input.name().strip(), input.stage(), input.locality(),
				input.regionCode(), Boolean.TRUE.equals(input.boarding()), null);
		return this.access.requireRegion(Caller.of(context), input.regionCode(), "input.regionCode", "action.createSchools", Role.ADMIN)
			.then(this.template.insert(school));
	}

	@MutationMapping
	Mono<School> updateSchool(@Argument UpdateSchoolInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "School", "input.id");
		Checks.on("input")
			.text(input.name(), "name", 100)
			.require(input.regionCode() == null || Regions.isCode(input.regionCode()), "regionCode",
					"check.regionCode")
			.validate();
		Caller caller = Caller.of(context);
		// Both ends of a move: the school must be the caller's now, and stay the caller's.
		Mono<Void> region = (input.regionCode() != null)
				? this.access.requireRegion(caller, input.regionCode(), "input.regionCode", "action.moveSchools", Role.ADMIN) : Mono.empty();
		return this.access.requireSchool(caller, id, false, "input.id", "action.changeSchools", Role.ADMIN)
			.then(region)
			.then(this.repository.findById(id))
			.switchIfEmpty(Access.unreachable("input.id", "action.changeSchools"))
			.flatMap((school) -> {
				ConflictException.check(school.version(), input.version(), "thing.school");
				return stageFitsRecords(school, input.stage()).then(this.template.update(school.with(
						(input.name() != null) ? input.name().strip() : null, input.stage(), input.locality(), input.regionCode(),
						input.boarding())));
			});
	}

	/**
	 * A school's stage is what its recorded conditions were judged by: a change of stage is refused
	 * while any recorded school year lists a number of grades the new stage does not have, the
	 * rule {@code recordSchoolConditions} applies to a new year.
	 */
	private Mono<Void> stageFitsRecords(School school, SchoolStage stage) {
		if (stage == null || stage == school.stage()) {
			return Mono.empty();
		}
		return this.template.getDatabaseClient()
			.sql("select school_year, cardinality(students_by_grade) as grades from school_conditions where school_id = :id"
					+ " order by school_year")
			.bind("id", school.id())
			.map((row) -> Map.entry(row.get("school_year", Integer.class), row.get("grades", Integer.class)))
			.all()
			.filter((year) -> !stage.allowsGrades(year.getValue()))
			.collectList()
			.flatMap((misfits) -> misfits.isEmpty() ? Mono.<Void>empty()
					: Mono.error(InvalidInputException.of("input.stage", "check.stageAgainstConditions", Text.of("stage." + stage),
							misfits.stream().map((year) -> year.getKey() + " (" + year.getValue() + ")")
								.collect(java.util.stream.Collectors.joining(", ")), stage.gradesText())));
	}

	@Override
	public String type() {
		return "School";
	}

	@Override
	public Object keyOf(Object node) {
		return ((School) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.schoolData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((school) -> this.access.keepSchool(scope, school, school.id(), ":key"));
	}

}
