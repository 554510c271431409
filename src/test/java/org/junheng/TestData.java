package org.junheng;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Rows a test creates for itself through the API, under codes no other test (or an earlier run
 * against a persistent server) uses, so that tests never see each other's writes.
 */
public final class TestData {

	private TestData() {
	}

	/** A fresh province, city and county; returns the county's code. */
	public static String county(GraphQlTester graphQl) {
		String province = regionCode();
		String city = regionCode();
		String county = regionCode();
		region(graphQl, province, "测试省", "PROVINCE", null);
		region(graphQl, city, "测试市", "CITY", province);
		region(graphQl, county, "测试县", "COUNTY", city);
		return county;
	}

	public static void region(GraphQlTester graphQl, String code, String name, String level, String parentCode) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level));
		if (parentCode != null) {
			input.put("parentCode", parentCode);
		}
		graphQl.documentName("createRegion").variable("input", input).execute().errors().verify();
	}

	/** A new primary school in the region; returns its ID. */
	public static String school(GraphQlTester graphQl, String regionCode, String name) {
		return school(graphQl, regionCode, name, "PRIMARY");
	}

	public static String school(GraphQlTester graphQl, String regionCode, String name, String stage) {
		return graphQl.documentName("createSchool")
			.variable("input", Map.of("code", schoolCode(), "name", name, "stage", stage, "locality", "TOWN", "regionCode",
					regionCode))
			.execute()
			.errors().verify()
			.path("createSchool.id").entity(String.class).get();
	}

	/** A new teacher at the school; returns its ID. */
	public static String teacher(GraphQlTester graphQl, String schoolId, String name) {
		return graphQl.documentName("createTeacher")
			.variable("input", Map.of("schoolId", schoolId, "name", name, "gender", "FEMALE", "birthYear", 1985,
					"highestDegree", "BACHELOR", "joinedSchoolOn", "2015-09-01"))
			.execute()
			.errors().verify()
			.path("createTeacher.id").entity(String.class).get();
	}

	/**
	 * Codes counted up from a random start, so that no two in one test JVM collide (random draws
	 * did, a few times in a hundred runs) while runs against a kept database rarely meet.
	 */
	private static final AtomicInteger nextRegion = new AtomicInteger(ThreadLocalRandom.current().nextInt(700_000, 900_000));

	/** Six digits, not starting with 0, from a range the demo data does not use. */
	public static String regionCode() {
		return String.valueOf(nextRegion.getAndIncrement());
	}

	public static String schoolCode() {
		return "3" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
	}

}
