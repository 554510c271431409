package org.junheng.region;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.junheng.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.junheng.GraphQlAssertions.refused;

/** The region tree: levels, parents and children, subtree filters, and its rules. */
@EndToEndTest
class RegionGraphTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void demoRegionsFormATree() {
		this.graphQl.document("{ region(code: \"511921\") { name level parent { code level parent { name } } children { code } } }")
			.execute()
			.errors().verify()
			.path("region.name").entity(String.class).isEqualTo("通江县")
			.path("region.parent.code").entity(String.class).isEqualTo("511900")
			.path("region.parent.parent.name").entity(String.class).isEqualTo("四川省")
			.path("region.children").entityList(Object.class).hasSize(0);
		this.graphQl.document("{ regions(filter: { within: \"510000\" }) { totalCount edges { node { code } } } }").execute()
			.path("regions.edges[*].node.code").entityList(String.class).contains("510000", "511900", "511921");
	}

	@Test
	void regionsAreCreatedOneLevelBelowTheirParentAndRenamedWithTheirVersion() {
		String county = TestData.county(this.graphQl);
		String city = this.graphQl.document("{ region(code: \"" + county + "\") { parent { code } } }").execute()
			.path("region.parent.code").entity(String.class).get();
		this.graphQl.document("{ regions(filter: { parentCode: \"" + city + "\" }) { totalCount } }").execute()
			.path("regions.totalCount").entity(Integer.class).isEqualTo(1);
		create(Map.of("code", TestData.regionCode(), "name", "跳级县", "level", "COUNTY", "parentCode",
				this.graphQl.document("{ region(code: \"" + city + "\") { parent { code } } }").execute()
					.path("region.parent.code").entity(String.class).get()))
			.errors().satisfy(refused("BAD_REQUEST", "input.level"));
		create(Map.of("code", "12345", "name", "短码", "level", "PROVINCE")).errors().satisfy(refused("BAD_REQUEST", "input.code"));
		create(Map.of("code", TestData.regionCode(), "name", "孤县", "level", "COUNTY"))
			.errors().satisfy(refused("BAD_REQUEST", "input.parentCode"));
		create(Map.of("code", TestData.regionCode(), "name", "无父县", "level", "COUNTY", "parentCode", TestData.regionCode()))
			.errors().satisfy(refused("NOT_FOUND", "input.parentCode"));
		create(Map.of("code", county, "name", "重复", "level", "COUNTY", "parentCode", city))
			.errors().satisfy(refused("BAD_REQUEST", "input.code"));
		String rename = "mutation($input: UpdateRegionInput!) { updateRegion(input: $input) { name version } }";
		this.graphQl.document(rename).variable("input", Map.of("code", county, "version", 0, "name", "新县")).execute()
			.errors().verify().path("updateRegion.version").entity(Integer.class).isEqualTo(1);
		this.graphQl.document(rename).variable("input", Map.of("code", county, "version", 0, "name", "旧县")).execute()
			.errors().satisfy(refused("CONFLICT", "input.version"));
	}

	@Test
	void regionSchoolsCoverTheSubtreeInOneBatch() {
		this.graphQl.document("{ regions(filter: { within: \"510000\", level: CITY }) { edges { node { code schools(first: 2) { totalCount edges { node { region { code } } } } } } } }")
			.execute()
			.errors().verify()
			.path("regions.edges[?(@.node.code == '511900')].node.schools.totalCount").entityList(Integer.class).containsExactly(120);
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response create(Map<String, Object> input) {
		return this.graphQl.documentName("createRegion").variable("input", input).execute();
	}

}
