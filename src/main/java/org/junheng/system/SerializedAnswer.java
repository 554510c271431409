package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.util.RawValue;

/**
 * A GraphQL answer ({@code data}, {@code errors}, {@code extensions}) written as JSON once, for an
 * answer that many subscribers are sent. As a map its entries are the parts already written
 * (Jackson writes them as they are, as the SSE transport does); a WebSocket's {@code next}
 * message takes the whole answer's bytes (see {@link WebSocketFrames}).
 */
public final class SerializedAnswer extends AbstractMap<String, Object> {

	private final Map<String, Object> parts;

	private final byte[] json;

	/** Racy by design: whoever frames last wins, and every value it can hold is right. */
	private volatile Framed last;

	private SerializedAnswer(Map<String, Object> parts, byte[] json) {
		this.parts = parts;
		this.json = json;
	}

	/** The answer of these parts, each already written as JSON, in their order. */
	public static SerializedAnswer of(Map<String, String> written) {
		Map<String, Object> parts = new LinkedHashMap<>();
		StringBuilder whole = new StringBuilder("{");
		written.forEach((name, value) -> {
			if (whole.length() > 1) {
				whole.append(',');
			}
			// The specification's names: data, errors, extensions; nothing to escape.
			whole.append('"').append(name).append("\":").append(value);
			parts.put(name, new RawValue(value));
		});
		return new SerializedAnswer(Collections.unmodifiableMap(parts),
				whole.append('}').toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The whole answer as UTF-8 JSON; not to be changed. */
	byte[] json() {
		return this.json;
	}

	/**
	 * The message {@code frame} makes of this id and the answer's bytes, or null if it makes none.
	 * The last one made is kept: subscribers of one event that number their subscriptions alike
	 * (most clients' first subscription is "1") are sent the same bytes, made once.
	 */
	byte[] framed(String id, BiFunction<String, byte[], byte[]> frame) {
		Framed last = this.last;
		if (last != null && last.id().equals(id)) {
			return last.frame();
		}
		byte[] made = frame.apply(id, this.json);
		if (made != null) {
			this.last = new Framed(id, made);
		}
		return made;
	}

	private record Framed(String id, byte[] frame) {
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return this.parts.entrySet();
	}

	@Override
	public Object get(Object key) {
		return this.parts.get(key);
	}

}
