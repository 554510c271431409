package org.junheng.region;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.security.Scope;
import org.junheng.system.NotFoundException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** What other features may ask of regions. */
@Component
public class Regions {

	private final RegionRepository repository;

	private final DatabaseClient db;

	Regions(RegionRepository repository, DatabaseClient db) {
		this.repository = repository;
		this.db = db;
	}

	/** Whether the text has the shape of an administrative code: six digits, not starting with 0. */
	public static boolean isCode(String code) {
		return code != null && RegionController.CODE.matcher(code).matches();
	}

	/**
	 * The SQL condition "{@code column} is the region bound to {@code :param} or one of its
	 * descendants"; an unknown region matches nothing.
	 */
	public static String withinCondition(String column, String param) {
		return Scope.within(column, param);
	}

	public Mono<Map<String, Region>> byCodes(Collection<String> codes) {
		return this.db.sql("select * from region where code = any(:codes)")
			.bind("codes", codes.stream().distinct().toArray(String[]::new))
			.map(Region::from)
			.all()
			.collect(Collectors.toMap(Region::code, Function.identity()));
	}

	/** The region with this code, or a NOT_FOUND error naming the input field. */
	public Mono<Region> require(String code, String field) {
		return this.repository.findById(code)
			.switchIfEmpty(NotFoundException.error(field, "notFound.region", code));
	}

}
