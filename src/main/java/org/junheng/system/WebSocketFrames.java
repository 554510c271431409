package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.util.MimeType;

/**
 * The encoder of graphql-transport-ws messages: a {@code next} message carrying a
 * {@link SerializedAnswer} is its bytes wrapped in the message's few bytes of its own; any other
 * message is written by Jackson, as Spring for GraphQL writes it. A live event sent to ten
 * thousand subscribers was written by Jackson ten thousand times (a generator, its buffers and a
 * walk of the answer each), which was a quarter of the fan-out's CPU.
 */
final class WebSocketFrames implements Encoder<Object> {

	private static final byte[] BEFORE_ID = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] BEFORE_PAYLOAD = "\",\"type\":\"next\",\"payload\":".getBytes(StandardCharsets.US_ASCII);

	private final Encoder<Object> json;

	WebSocketFrames(Encoder<Object> json) {
		this.json = json;
	}

	@Override
	public boolean canEncode(ResolvableType type, MimeType mimeType) {
		return GraphQlWebSocketMessage.class.isAssignableFrom(type.toClass()) && this.json.canEncode(type, mimeType);
	}

	@Override
	public Flux<DataBuffer> encode(Publisher<?> input, DataBufferFactory buffers, ResolvableType type, MimeType mimeType,
			Map<String, Object> hints) {
		return Flux.from(input).map((message) -> encodeValue(message, buffers, type, mimeType, hints));
	}

	@Override
	public DataBuffer encodeValue(Object value, DataBufferFactory buffers, ResolvableType type, MimeType mimeType,
			Map<String, Object> hints) {
		if (value instanceof GraphQlWebSocketMessage message && message.resolvedType() == GraphQlWebSocketMessageType.NEXT
				&& message.getPayload() instanceof SerializedAnswer answer && plain(message.getId())) {
			byte[] payload = answer.json();
			String id = message.getId();
			DataBuffer frame = buffers.allocateBuffer(BEFORE_ID.length + id.length() + BEFORE_PAYLOAD.length + payload.length + 1);
			frame.write(BEFORE_ID);
			frame.write(id, StandardCharsets.US_ASCII);
			frame.write(BEFORE_PAYLOAD);
			frame.write(payload);
			frame.write((byte) '}');
			return frame;
		}
		return this.json.encodeValue(value, buffers, type, mimeType, hints);
	}

	/** An id JSON writes as it is: printable ASCII without quote or backslash (others go to Jackson). */
	private static boolean plain(String id) {
		if (id == null) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	@Override
	public List<MimeType> getEncodableMimeTypes() {
		return this.json.getEncodableMimeTypes();
	}

}
