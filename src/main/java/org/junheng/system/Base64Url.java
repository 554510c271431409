package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base64url without padding of UTF-8 text, the encoding of global IDs and cursors, in Java and as
 * PostgreSQL writes it for queries it answers whole; {@code Base64UrlTests} holds the two to the
 * same text.
 */
final class Base64Url {

	private Base64Url() {
	}

	static String of(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** The text it encodes; {@link IllegalArgumentException} when it is not base64url. */
	static String text(String encoded) {
		return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
	}

	/**
	 * The same of a text expression ({@code encode} breaks lines every 76 characters: they go too).
	 * {@code replace} and {@code rtrim}, not one {@code translate}: PostgreSQL's {@code translate}
	 * costs about 0.7 µs a call, four times these, and a page writes two encodings a row.
	 */
	static String sql(String expression) {
		return "replace(replace(replace(rtrim(encode(convert_to(" + expression
				+ ", 'UTF8'), 'base64'), '='), '+', '-'), '/', '_'), E'\\n', '')";
	}

}
