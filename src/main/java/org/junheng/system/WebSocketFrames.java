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
				&& message.getPayload() instanceof SerializedAnswer answer) {
			byte[] frame = answer.framed(message.getId(), WebSocketFrames::next);
			if (frame != null) {
				// Read-only from here on: every subscriber's buffer may wrap the same bytes.
				return buffers.wrap(frame);
			}
		}
		return this.json.encodeValue(value, buffers, type, mimeType, hints);
	}

	/**
	 * The {@code next} message of this id around the answer's bytes; none for an id JSON would
	 * have to escape (Jackson writes those). A heap array, not a pooled buffer: the fan-out runs on
	 * the event reader's thread, where taking a pooled buffer cost more than the copy.
	 */
	private static byte[] next(String id, byte[] payload) {
		if (!plain(id)) {
			return null;
		}
		byte[] frame = new byte[BEFORE_ID.length + id.length() + BEFORE_PAYLOAD.length + payload.length + 1];
		int at = 0;
		System.arraycopy(BEFORE_ID, 0, frame, at, BEFORE_ID.length);
		at += BEFORE_ID.length;
		for (int i = 0; i < id.length(); i++) {
			frame[at++] = (byte) id.charAt(i);
		}
		System.arraycopy(BEFORE_PAYLOAD, 0, frame, at, BEFORE_PAYLOAD.length);
		at += BEFORE_PAYLOAD.length;
		System.arraycopy(payload, 0, frame, at, payload.length);
		frame[frame.length - 1] = '}';
		return frame;
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
