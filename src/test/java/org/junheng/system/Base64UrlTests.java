package org.junheng.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** PostgreSQL writes the base64url of global IDs and cursors as Java does, character for character. */
@EndToEndTest
class Base64UrlTests {

	@Autowired
	private DatabaseClient db;

	@Test
	void theSqlEncodingIsTheJavaEncoding() {
		// '+' and '/' in standard base64, one and two padding characters, UTF-8, and longer than one 76-character line.
		List<String> texts = List.of("~~~", "???", "School:1", "a", "王丽强", "school-NAME|40", "Teacher:".repeat(20));
		StepVerifier.create(Flux.fromIterable(texts)
			.concatMap((text) -> this.db.sql("select " + Base64Url.sql(":raw") + " as encoded")
				.bind("raw", text)
				.map((row) -> row.get("encoded", String.class))
				.one()))
			.expectNextSequence(texts.stream().map(Base64Url::of).toList())
			.verifyComplete();
	}

}
