package org.junheng.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.region.Regions;
import org.junheng.school.School;
import org.junheng.school.Schools;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Role;
import org.junheng.security.Scope;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.ConflictException;
import org.junheng.system.GlobalId;
import org.junheng.system.NodeResolver;
import org.junheng.system.SqlWhere;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PairingController implements NodeResolver {

	private final PairingRepository repository;

	private final Schools schools;

	private final R2dbcEntityTemplate template;

	private final Access access;

	PairingController(PairingRepository repository, Schools schools, R2dbcEntityTemplate template, Access access) {
		this.access = access;
		this.repository = repository;
		this.schools = schools;
		this.template = template;
	}

	record CreatePairingInput(String leadSchoolId, String supportedSchoolId, PairingMode mode, LocalDate startsOn,
			LocalDate endsOn, String goals) {
	}

	record UpdatePairingInput(String id, Integer version, PairingMode mode, LocalDate startsOn, LocalDate endsOn,
			String goals) {
	}

	@QueryMapping
	Flux<Pairing> pairings(@Argument String regionCode, @Argument String schoolId, GraphQLContext context) {
		SqlWhere where = this.access.requireSchoolData(Caller.of(context), "pairings")
			.onSchool(new SqlWhere(), "p.lead_school_id", "p.supported_school_id")
			.and("(p.lead_school_id in (select s.id from school s where " + Regions.withinCondition("s.region_code", "region")
					+ ") or p.supported_school_id in (select s.id from school s where "
					+ Regions.withinCondition("s.region_code", "region") + "))", "region", regionCode)
			.and("(p.lead_school_id = :school or p.supported_school_id = :school)", "school",
					GlobalId.optionalKey(schoolId, "School", "schoolId"));
		return where.bind(this.template.getDatabaseClient().sql("select p.* from pairing p where " + where.sql()
				+ " order by p.starts_on, p.id limit 1000"))
			.map(Pairing::from)
			.all();
	}

	@BatchMapping
	Mono<Map<Pairing, School>> leadSchool(List<Pairing> pairings) {
		return this.schools.byIds(pairings.stream().map(Pairing::leadSchoolId).toList())
			.map((byId) -> Batches.joined(pairings, (pairing) -> pairing.leadSchoolId(), byId));
	}

	@BatchMapping
	Mono<Map<Pairing, School>> supportedSchool(List<Pairing> pairings) {
		return this.schools.byIds(pairings.stream().map(Pairing::supportedSchoolId).toList())
			.map((byId) -> Batches.joined(pairings, (pairing) -> pairing.supportedSchoolId(), byId));
	}

	@BatchMapping(typeName = "School")
	Mono<Map<School, List<Pairing>>> pairings(List<School> schools) {
		Long[] ids = schools.stream().map(School::id).distinct().toArray(Long[]::new);
		return this.template.getDatabaseClient()
			.sql("select * from pairing where lead_school_id = any(:ids) or supported_school_id = any(:ids) order by starts_on, id")
			.bind("ids", ids)
			.map(Pairing::from)
			.all()
			.collectList()
			.map((pairings) -> schools.stream().distinct().collect(Collectors.toMap((school) -> school,
					(school) -> pairings.stream()
						.filter((p) -> p.leadSchoolId().equals(school.id()) || p.supportedSchoolId().equals(school.id()))
						.toList())));
	}

	@MutationMapping
	Mono<Pairing> createPairing(@Argument CreatePairingInput input, GraphQLContext context) {
		long lead = GlobalId.key(input.leadSchoolId(), "School", "input.leadSchoolId");
		long supported = GlobalId.key(input.supportedSchoolId(), "School", "input.supportedSchoolId");
		Pairing pairing = new Pairing(null, lead, supported, input.mode(), input.startsOn(), input.endsOn(),
				(input.goals() != null) ? input.goals().strip() : "", null);
		validate(pairing);
		return this.access.requireSchool(Caller.of(context), lead, false, "input.leadSchoolId", "action.arrangePairings", Role.ADMIN)
			.then(this.access.requireSchool(Caller.of(context), supported, false, "input.supportedSchoolId", "action.arrangePairings",
					Role.ADMIN))
			.then(this.template.insert(pairing));
	}

	@MutationMapping
	Mono<Pairing> updatePairing(@Argument UpdatePairingInput input, GraphQLContext context) {
		long id = GlobalId.key(input.id(), "Pairing", "input.id");
		return this.repository.findById(id)
			.switchIfEmpty(Access.unreachable("input.id", "action.changePairings"))
			.flatMap((current) -> this.access.requireSchool(Caller.of(context), current.leadSchoolId(), false, "input.id",
					"action.changePairings", Role.ADMIN).thenReturn(current))
			.flatMap((current) -> {
				ConflictException.check(current.version(), input.version(), "thing.pairing");
				Pairing changed = current.with(input.mode(), input.startsOn(), input.endsOn(),
						(input.goals() != null) ? input.goals().strip() : null);
				validate(changed);
				return this.template.update(changed);
			});
	}

	private static void validate(Pairing pairing) {
		Checks.on("input")
			.require(!pairing.leadSchoolId().equals(pairing.supportedSchoolId()), "supportedSchoolId",
					"check.supportedSchool")
			.require(!pairing.endsOn().isBefore(pairing.startsOn()), "endsOn", "check.endsBeforeStarts")
			.require(pairing.goals().length() <= 2000, "goals", "check.maxLength", 2000)
			.validate();
	}

	@Override
	public String type() {
		return "Pairing";
	}

	@Override
	public Object keyOf(Object node) {
		return ((Pairing) node).id();
	}

	@Override
	public Mono<?> find(String key, GraphQLContext context) {
		Scope scope = this.access.schoolData(Caller.of(context));
		return Mono.justOrEmpty(NodeResolver.numericKey(key)).flatMap(this.repository::findById)
			.flatMap((pairing) -> this.access.keepSchool(scope, pairing, pairing.id(),
					"(select lead_school_id from pairing where id = :key)", "(select supported_school_id from pairing where id = :key)"));
	}

}
