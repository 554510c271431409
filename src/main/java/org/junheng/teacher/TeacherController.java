package org.junheng.teacher;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.security.Scope;
import org.junheng.system.AfterCommit;
import org.junheng.system.BaseFiguresChanged;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.Connection;
import org.junheng.system.GlobalId;
import org.junheng.system.Keyset;
import org.junheng.system.NodeResolver;
import org.junheng.system.PageRequest;
import org.junheng.teacher.TeacherQueries.TeacherFilter;
import org.junheng.teacher.TeacherQueries.TeacherOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TeacherController implements NodeResolver {

	private final TeacherRepository repository;

	private final Schools schools;

	private final R2dbcEntityTemplate template;

	private final ApplicationEventPublisher events;

	private final Keyset keyset;

	private final Access access;

	TeacherController(TeacherRepository repository, Schools schools, R2dbcEntityTemplate template, Keyset keyset,
			ApplicationEventPublisher events, Access access) {
		this.access = access;
		this.repository = repository;
		this.schools = schools;
		this.template = template;
		this.keyset = keyset;
		this.events = events;
	}

	record CreateTeacherInput(String schoolId, String name, Gender gender, Integer birthYear, List<String> subjects,
			Degree highestDegree, ProfessionalTitle professionalTitle, BackboneLevel backboneLevel,
			LocalDate backboneValidFrom, LocalDate backboneValidUntil, Boolean hasCertificate, Boolean peSpecialist,
			Boolean musicSpecialist, Boolean artSpecialist, Integer trainingHours, LocalDate joinedSchoolOn, String staffNumber) {
	}

	record UpdateTeacherInput(String id, Integer version, String schoolId, String name, Gender gender, Integer birthYear,
			List<String> subjects, Degree highestDegree, ProfessionalTitle professionalTitle, BackboneLevel backboneLevel,
			LocalDate backboneValidFrom, LocalDate backboneValidUntil, Boolean hasCertificate, Boolean peSpecialist,
			Boolean musicSpecialist, Boolean artSpecialist, Integer trainingHours, LocalDate joinedSchoolOn, LocalDate leftSchoolOn,
			String staffNumber) {
	}

	@QueryMapping
	Mono<Connection<Teacher>> teachers(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument TeacherFilter filter, @Argument TeacherOrder orderBy, DataFetchingFieldSelectionSet selection,
			GraphQLContext context) {
		return this.keyset.page(TeacherQueries.page(this.access, Caller.of(context), PageRequest.of(first, after, last, before),
				filter, orderBy), selection, Teacher::from);
	}

	@BatchMapping
	Mono<Map<Teacher, School>> school(List<Teacher> teachers) {
		return this.schools.byIds(teachers.stream().map(Teacher::schoolId).toList())
			.map((byId) -> Batches.joined(teachers, (teacher) -> teacher.schoolId(), byId));
	}

	@MutationMapping
	Mono<Teacher> createTeacher(@Argument CreateTeacherInput input, GraphQLContext context) {
		long schoolId = GlobalId.key(input.schoolId(), "School", "input.schoolId");
		// An explicit null from a client means the schema's default.
		Teacher teacher = new Teacher(null, schoolId, strip(input.name()), input.gender(), input.birthYear(),
				or(subjects(input.subjects()), List.of()), input.highestDegree(),
				or(input.professionalTitle(), ProfessionalTitle.NONE), or(input.backboneLevel(), BackboneLevel.NONE),
				input.backboneValidFrom(), input.backboneValidUntil(), !Boolean.FALSE.equals(input.hasCertificate()),
				Boolean.TRUE.equals(input.peSpecialist()), Boolean.TRUE.equals(input.musicSpecialist()),
				Boolean.TRUE.equals(input.artSpecialist()), or(input.trainingHours(), 0), input.joinedSchoolOn(), null,
				strip(input.staffNumber()), null);
		teacher.check(Checks.on("input")).validate();
		return this.access.requireSchool(Caller.of(context), schoolId, true, "input.schoolId", "action.addTeachers", Role.ADMIN)
			.then(this.template.insert(teacher))
			.flatMap((saved) -> AfterCommit.publish(this.events, new BaseFiguresChanged("teachers")).thenReturn(saved));
	}

	@MutationMapping
	Mono<Teacher> updateTeacher(@Argument UpdateTeacherInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "Teacher", "input.id");
		Long schoolId = GlobalId.optionalKey(input.schoolId(), "School", "input.schoolId");
		Caller caller = Caller.of(context);
		// A move needs the right to both schools: a school administrator cannot move its teachers away.
		Mono<Void> school = (schoolId != null)
				? this.access.requireSchool(caller, schoolId, true, "input.schoolId", "action.moveTeachers", Role.ADMIN) : Mono.empty();
		return school.then(this.repository.findById(id))
			.switchIfEmpty(Access.unreachable("input.id", "action.changeTeachers"))
			.flatMap((current) -> this.access
				.requireSchool(caller, current.schoolId(), true, "input.id", "action.changeTeachers", Role.ADMIN)
				.thenReturn(current))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.teacher");
				LocalDate joined = or(input.joinedSchoolOn(), current.joinedSchoolOn());
				Teacher changed = new Teacher(id, or(schoolId, current.schoolId()), or(strip(input.name()), current.name()),
						or(input.gender(), current.gender()), or(input.birthYear(), current.birthYear()),
						or(subjects(input.subjects()), current.subjects()), or(input.highestDegree(), current.highestDegree()),
						or(input.professionalTitle(), current.professionalTitle()),
						or(input.backboneLevel(), current.backboneLevel()), or(input.backboneValidFrom(), current.backboneValidFrom()),
						or(input.backboneValidUntil(), current.backboneValidUntil()),
						or(input.hasCertificate(), current.hasCertificate()), or(input.peSpecialist(), current.peSpecialist()),
						or(input.musicSpecialist(), current.musicSpecialist()), or(input.artSpecialist(), current.artSpecialist()),
						or(input.trainingHours(), current.trainingHours()), joined, left(input, current, joined),
						or(strip(input.staffNumber()), current.staffNumber()), current.version());
				changed.check(Checks.on("input")).validate();
				return this.template.update(changed);
			})
			.flatMap((saved) -> AfterCommit.publish(this.events, new BaseFiguresChanged("teachers")).thenReturn(saved));
	}

	/**
	 * The leaving day after the change: as given, or cleared when the teacher joins a school again
	 * after it (a return, or a move recorded after leaving), else as it was.
	 */
	private static LocalDate left(UpdateTeacherInput input, Teacher current, LocalDate joined) {
		if (input.leftSchoolOn() != null) {
			return input.leftSchoolOn();
		}
		return (current.leftSchoolOn() != null && !joined.isBefore(current.leftSchoolOn())) ? null : current.leftSchoolOn();
	}

	private static <T> T or(T given, T current) {
		return (given != null) ? given : current;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	private static List<String> subjects(List<String> subjects) {
		return (subjects != null) ? subjects.stream().map(String::strip).toList() : null;
	}

	@Override
	public String type() {
		return "Teacher";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Teacher) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.schoolData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((teacher) -> this.access.keepSchool(scope, teacher, teacher.schoolId(), ":key"));
	}

}
