package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live answer written once is sent as those bytes in each subscriber's {@code next} message,
 * and the message reads exactly as Jackson would have written it; everything else is Jackson's.
 */
class WebSocketFramesTests {

	private static final ResolvableType MESSAGE = ResolvableType.forClass(GraphQlWebSocketMessage.class);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Encoder<Object> frames = socketEncoder(GraphQlWebSocketProtocol.withFrames(ServerCodecConfigurer.create()));

	private final Encoder<Object> jackson = socketEncoder(ServerCodecConfigurer.create());

	@Test
	void theSocketHandlerWritesWithTheFramesAheadOfJackson() {
		assertThat(this.frames).isInstanceOf(WebSocketFrames.class);
	}

	@Test
	void aNextMessageOfAWrittenAnswerReadsAsJacksonWouldWriteIt() {
		Map<String, Object> data = Map.of("milestoneUpdates", Map.of("cursor", "42", "milestone", Map.of("title", "“双减”节点 \\ \"引号\"")));
		List<Map<String, Object>> errors = List.of(Map.of("message", "被拒绝", "path", List.of("milestoneUpdates", "milestone", "plan")));
		Map<String, String> written = new LinkedHashMap<>();
		written.put("data", this.json.writeValueAsString(data));
		written.put("errors", this.json.writeValueAsString(errors));
		Map<String, Object> plain = new LinkedHashMap<>();
		plain.put("data", data);
		plain.put("errors", errors);
		// One answer, as the subscribers of one event share it: the frame kept for one id is never
		// another id's.
		SerializedAnswer answer = SerializedAnswer.of(written);
		for (String id : new String[] { "1", "1", "d0c8a3f4-6a1e-4c1b-9e55-1f0f2b8d7c11", "1", "带\"引号的", "1", "line\nbreak", "2" }) {
			JsonNode sent = tree(this.frames, GraphQlWebSocketMessage.next(id, answer));
			assertThat(sent).isEqualTo(tree(this.jackson, GraphQlWebSocketMessage.next(id, plain)));
			assertThat(sent.path("id").asString()).isEqualTo(id);
		}
	}

	@Test
	void subscribersOfOneAnswerWithOneIdAreSentTheSameBytesMadeOnce() {
		SerializedAnswer answer = SerializedAnswer.of(Map.of("data", "{\"milestoneUpdates\":{\"cursor\":\"42\"}}"));
		// Jackson would take a buffer from the factory; the frame around a written answer wraps its own bytes.
		DataBufferFactory noAllocation = new DefaultDataBufferFactory() {
			@Override
			public DefaultDataBuffer allocateBuffer(int initialCapacity) {
				throw new AssertionError("a written answer's frame took a buffer");
			}
		};
		DataBuffer first = this.frames.encodeValue(GraphQlWebSocketMessage.next("1", answer), noAllocation, MESSAGE,
				MediaType.APPLICATION_JSON, Map.of());
		DataBuffer second = this.frames.encodeValue(GraphQlWebSocketMessage.next("1", answer), noAllocation, MESSAGE,
				MediaType.APPLICATION_JSON, Map.of());
		assertThat(first.toString(StandardCharsets.UTF_8))
			.isEqualTo("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"milestoneUpdates\":{\"cursor\":\"42\"}}}}");
		assertThat(second.asByteBuffer().array()).isSameAs(first.asByteBuffer().array());
	}

	@Test
	void otherMessagesAreJacksons() {
		for (GraphQlWebSocketMessage message : new GraphQlWebSocketMessage[] { GraphQlWebSocketMessage.ping(null),
				GraphQlWebSocketMessage.complete("7"), GraphQlWebSocketMessage.next("8", Map.of("data", Map.of("a", 1))) }) {
			assertThat(tree(this.frames, message)).isEqualTo(tree(this.jackson, message));
		}
	}

	private JsonNode tree(Encoder<Object> encoder, GraphQlWebSocketMessage message) {
		DataBuffer buffer = encoder.encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE, MediaType.APPLICATION_JSON, Map.of());
		return this.json.readTree(buffer.toString(StandardCharsets.UTF_8));
	}

	/** The encoder Spring for GraphQL's socket handler picks: the first JSON writer of its messages. */
	@SuppressWarnings("unchecked")
	private static Encoder<Object> socketEncoder(ServerCodecConfigurer codecs) {
		for (HttpMessageWriter<?> writer : codecs.getWriters()) {
			if (writer.canWrite(MESSAGE, MediaType.APPLICATION_JSON)) {
				return (Encoder<Object>) ((EncoderHttpMessageWriter<?>) writer).getEncoder();
			}
		}
		throw new AssertionError("No writer");
	}

}
