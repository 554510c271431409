package org.junheng;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/** How every refused request must look: one clear error, its classification, the offending field, nothing internal. */
public final class GraphQlAssertions {

	private GraphQlAssertions() {
	}

	public static Consumer<List<ResponseError>> refused(String classification, String field) {
		return (errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", classification).containsEntry("field", field);
			assertThat(error.getMessage()).isNotBlank()
				.doesNotContainIgnoringCase("exception")
				.doesNotContainIgnoringCase("select ")
				.doesNotContainIgnoringCase("insert ")
				.doesNotContain("at org.")
				.doesNotContain("junheng.");
		});
	}

}
