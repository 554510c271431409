package org.junheng.sqlread;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's answer goes out as the bytes it sent, to a byte writer and to a character writer alike. */
class Utf8JsonTests {

	private static final String ANSWER = "{\"name\" : \"双河镇中坝村小学（2）\", \"teacherCount\" : 25}";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theAnswerIsWrittenAsItIsByBytesAndByCharacters() {
		Map<String, Object> data = Map.of("school", new RawValue(new Utf8Json(ANSWER.getBytes(StandardCharsets.UTF_8))));
		String expected = "{\"school\":" + ANSWER + "}";
		assertThat(new String(this.json.writeValueAsBytes(data), StandardCharsets.UTF_8)).isEqualTo(expected);
		StringWriter characters = new StringWriter();
		this.json.writeValue(characters, data);
		assertThat(characters.toString()).isEqualTo(expected);
		// Longer than Jackson's output buffer: written past it, not cut.
		String longAnswer = "[" + "\"教育均衡\",".repeat(20_000) + "0]";
		assertThat(new String(this.json.writeValueAsBytes(Map.of("a", new RawValue(new Utf8Json(longAnswer.getBytes(StandardCharsets.UTF_8))))),
				StandardCharsets.UTF_8)).isEqualTo("{\"a\":" + longAnswer + "}");
	}

	@Test
	void theRefusalMarkerIsFoundAnywhereAndOnlyWhole() {
		assertThat(answer(SqlRule.REFUSED).contains(SqlRule.REFUSED)).isTrue();
		assertThat(answer("[" + SqlRule.REFUSED + "]").contains(SqlRule.REFUSED)).isTrue();
		assertThat(answer("{\"a\" : " + SqlRule.REFUSED).contains(SqlRule.REFUSED)).isTrue();
		assertThat(answer(ANSWER).contains(SqlRule.REFUSED)).isFalse();
		assertThat(answer("{\"$refused\":tru").contains(SqlRule.REFUSED)).isFalse();
		assertThat(answer("").contains(SqlRule.REFUSED)).isFalse();
	}

	private static Utf8Json answer(String text) {
		return new Utf8Json(text.getBytes(StandardCharsets.UTF_8));
	}

}
