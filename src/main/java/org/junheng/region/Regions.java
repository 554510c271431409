package org.junheng.region;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.junheng.system.NotFoundException;
import org.springframework.stereotype.Component;

/** What other features may ask of regions. */
@Component
public class Regions {

	private final RegionRepository repository;

	Regions(RegionRepository repository) {
		this.repository = repository;
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
		return column + " in (select d.code from region d, region r where r.code = :" + param
				+ " and (d.path = r.path or d.path like r.path || '/%'))";
	}

	public Mono<Map<String, Region>> byCodes(Collection<String> codes) {
		return this.repository.findAllById(codes.stream().distinct().toList())
			.collect(Collectors.toMap(Region::code, Function.identity()));
	}

	/** The region with this code, or a NOT_FOUND error naming the input field. */
	public Mono<Region> require(String code, String field) {
		return this.repository.findById(code)
			.switchIfEmpty(NotFoundException.error(field, "no region has the code " + code));
	}

}
