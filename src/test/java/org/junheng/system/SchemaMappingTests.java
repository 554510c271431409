package org.junheng.system;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDL in graphql-schema/ and the controllers agree: every field and argument is mapped. */
@EndToEndTest
@Import(SchemaMappingTests.Inspection.class)
class SchemaMappingTests {

	@Autowired
	private AtomicReference<SchemaReport> report;

	@Test
	void everyFieldAndArgumentOfTheSchemaIsMapped() {
		SchemaReport report = this.report.get();
		assertThat(report).isNotNull();
		assertThat(report.unmappedFields()).isEmpty();
		assertThat(report.unmappedArguments()).isEmpty();
		assertThat(report.unmappedRegistrations()).isEmpty();
		assertThat(report.skippedTypes()).isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Inspection {

		@Bean
		AtomicReference<SchemaReport> schemaReport() {
			return new AtomicReference<>();
		}

		@Bean
		GraphQlSourceBuilderCustomizer inspectSchema(AtomicReference<SchemaReport> schemaReport) {
			return (builder) -> builder.inspectSchemaMappings(schemaReport::set);
		}

	}

}
