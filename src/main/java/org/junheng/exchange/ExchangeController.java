package org.junheng.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.junheng.region.Regions;
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
import org.junheng.system.SqlWhere;
import org.junheng.teacher.Teacher;
import org.junheng.teacher.Teachers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ExchangeController implements NodeResolver {

	private final ExchangeRepository repository;

	private final Teachers teachers;

	private final Schools schools;

	private final R2dbcEntityTemplate template;

	private final ApplicationEventPublisher events;

	private final Keyset keyset;

	private final Access access;

	ExchangeController(ExchangeRepository repository, Teachers teachers, Schools schools, R2dbcEntityTemplate template,
			Keyset keyset, ApplicationEventPublisher events, Access access) {
		this.access = access;
		this.repository = repository;
		this.teachers = teachers;
		this.schools = schools;
		this.template = template;
		this.keyset = keyset;
		this.events = events;
	}

	record ExchangeFilter(String regionCode, Integer schoolYear, List<ExchangeStatus> status, List<ExchangeKind> kind,
			String teacherId, String schoolId) {
	}

	enum ExchangeOrderField {

		STARTS_ON, CREATED

	}

	private static final Map<ExchangeOrderField, Keyset.Column> ORDER_COLUMNS = Map.of(
			ExchangeOrderField.STARTS_ON, new Keyset.Column("e.starts_on"),
			ExchangeOrderField.CREATED, new Keyset.Column("e.id"));

	record ExchangeOrder(ExchangeOrderField field, String direction) {
	}

	record CreateExchangeInput(String teacherId, String fromSchoolId, String toSchoolId, Integer schoolYear,
			ExchangeKind kind, LocalDate startsOn, LocalDate endsOn, ExchangeStatus status) {
	}

	record UpdateExchangeInput(String id, Integer version, ExchangeKind kind, LocalDate startsOn, LocalDate endsOn,
			ExchangeStatus status) {
	}

	@QueryMapping
	Mono<Connection<Exchange>> exchanges(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument ExchangeFilter filter, @Argument ExchangeOrder orderBy, DataFetchingFieldSelectionSet selection,
			GraphQLContext context) {
		SqlWhere where = this.access.requireSchoolData(Caller.of(context), "exchanges")
			.onSchool(new SqlWhere(), "e.from_school_id", "e.to_school_id");
		if (filter != null) {
			where.and("(e.from_school_id in (select s.id from school s where " + Regions.withinCondition("s.region_code", "region")
					+ ") or e.to_school_id in (select s.id from school s where " + Regions.withinCondition("s.region_code", "region")
					+ "))", "region", filter.regionCode())
				.and("e.school_year = :year", "year", filter.schoolYear())
				.and("e.status = any(:statuses)", "statuses", SqlWhere.names(filter.status()))
				.and("e.kind = any(:kinds)", "kinds", SqlWhere.names(filter.kind()))
				.and("e.teacher_id = :teacher", "teacher", GlobalId.optionalKey(filter.teacherId(), "Teacher", "filter.teacherId"))
				.and("(e.from_school_id = :school or e.to_school_id = :school)", "school",
						GlobalId.optionalKey(filter.schoolId(), "School", "filter.schoolId"));
		}
		Keyset.Sort sort = (orderBy != null) ? Keyset.sort("exchange", orderBy.field(), ORDER_COLUMNS, orderBy.direction())
				: Keyset.sort("exchange", ExchangeOrderField.STARTS_ON, ORDER_COLUMNS, "ASC");
		return this.keyset.page("exchange e", "e", where, sort, PageRequest.of(first, after, last, before), selection,
				Exchange::from);
	}

	@BatchMapping
	Mono<Map<Exchange, Teacher>> teacher(List<Exchange> exchanges) {
		return this.teachers.byIds(exchanges.stream().map(Exchange::teacherId).toList())
			.map((byId) -> Batches.joined(exchanges, (exchange) -> exchange.teacherId(), byId));
	}

	@BatchMapping
	Mono<Map<Exchange, School>> fromSchool(List<Exchange> exchanges) {
		return this.schools.byIds(exchanges.stream().map(Exchange::fromSchoolId).toList())
			.map((byId) -> Batches.joined(exchanges, (exchange) -> exchange.fromSchoolId(), byId));
	}

	@BatchMapping
	Mono<Map<Exchange, School>> toSchool(List<Exchange> exchanges) {
		return this.schools.byIds(exchanges.stream().map(Exchange::toSchoolId).toList())
			.map((byId) -> Batches.joined(exchanges, (exchange) -> exchange.toSchoolId(), byId));
	}

	@BatchMapping(typeName = "Teacher")
	Mono<Map<Teacher, List<Exchange>>> exchanges(List<Teacher> teachers) {
		return this.repository.findByTeacherIdInOrderByStartsOn(teachers.stream().map(Teacher::id).distinct().toList())
			.collectMultimap(Exchange::teacherId)
			.map((byTeacher) -> Batches.joinedLists(teachers, (teacher) -> teacher.id(), byTeacher));
	}

	@MutationMapping
	Mono<Exchange> createExchange(@Argument CreateExchangeInput input, GraphQLContext context) {
		Caller caller = Caller.of(context);
		long teacherId = GlobalId.key(input.teacherId(), "Teacher", "input.teacherId");
		Long fromSchoolId = GlobalId.optionalKey(input.fromSchoolId(), "School", "input.fromSchoolId");
		long toSchoolId = GlobalId.key(input.toSchoolId(), "School", "input.toSchoolId");
		Checks.on("input").range(input.schoolYear(), 1949, 2200, "schoolYear").validate();
		ExchangeStatus status = (input.status() != null) ? input.status() : ExchangeStatus.PLANNED;
		// The sending school decides; its own administrator may only propose (PLANNED).
		boolean proposal = status == ExchangeStatus.PLANNED;
		String what = "action.arrangeExchanges";
		return this.teachers.find(teacherId)
			.switchIfEmpty(Access.unreachable("input.teacherId", what))
			// The teacher is checked where the teacher is: the school it leaves is the teacher's own.
			.flatMap((teacher) -> this.access.requireSchool(caller, teacher.schoolId(), proposal, "input.teacherId", what, Role.ADMIN)
				.thenReturn(teacher))
			.flatMap((teacher) -> {
				Checks.on("input")
					.require(fromSchoolId == null || fromSchoolId.equals(teacher.schoolId()), "fromSchoolId",
							"check.fromSchool")
					.validate();
				Exchange exchange = new Exchange(null, teacherId, teacher.schoolId(), toSchoolId, input.schoolYear(), input.kind(),
						input.startsOn(), input.endsOn(), status, null);
				validate(exchange);
				return this.access.requireReachable(caller, toSchoolId, "input.toSchoolId", what)
					.then(this.template.insert(exchange));
			})
			.flatMap((saved) -> AfterCommit.publish(this.events, new BaseFiguresChanged("exchanges")).thenReturn(saved));
	}

	@MutationMapping
	Mono<Exchange> updateExchange(@Argument UpdateExchangeInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "Exchange", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(Access.unreachable("input.id", "action.changeExchanges"))
			.flatMap((current) -> {
				// A school administrator edits or withdraws its own proposals; approving is the bureau's.
				boolean proposal = current.status() == ExchangeStatus.PLANNED && (input.status() == null
						|| input.status() == ExchangeStatus.PLANNED || input.status() == ExchangeStatus.CANCELLED);
				return this.access.requireSchool(Caller.of(context), current.fromSchoolId(), proposal, "input.id",
						"action.changeExchanges", Role.ADMIN).thenReturn(current);
			})
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.exchange");
				Exchange changed = current.with(input.kind(), input.startsOn(), input.endsOn(), input.status());
				validate(changed);
				return this.template.update(changed);
			})
			.flatMap((saved) -> AfterCommit.publish(this.events, new BaseFiguresChanged("exchanges")).thenReturn(saved));
	}

	private static void validate(Exchange exchange) {
		Checks.on("input")
			.require(!exchange.fromSchoolId().equals(exchange.toSchoolId()), "toSchoolId",
					"check.toSchool")
			.require(!exchange.endsOn().isBefore(exchange.startsOn()), "endsOn", "check.endsBeforeStarts")
			.require(exchange.startsInSchoolYear(), "startsOn", "check.inSchoolYear", exchange.schoolYear(),
					exchange.schoolYear() + 1)
			.validate();
	}

	@Override
	public String type() {
		return "Exchange";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Exchange) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.schoolData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((exchange) -> this.access.keepSchool(scope, exchange, exchange.id(),
					"(select from_school_id from exchange where id = :key)", "(select to_school_id from exchange where id = :key)"));
	}

}
