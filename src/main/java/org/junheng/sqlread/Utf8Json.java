package org.junheng.sqlread;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * An answer PostgreSQL wrote, as the UTF-8 bytes it sent: Jackson copies them into the response
 * as they are ({@code writeRawValue}). Decoding them to a Java string and encoding it back was a
 * tenth of a compiled page's CPU in Junheng (15 KB of mostly Chinese text a page). As a string,
 * for a writer of characters, it is decoded once when first asked.
 */
final class Utf8Json implements SerializableString {

	private final byte[] utf8;

	private String text;

	Utf8Json(byte[] utf8) {
		this.utf8 = utf8;
	}

	/** Whether the answer holds the marker, an ASCII text, anywhere. */
	boolean contains(String marker) {
		byte[] wanted = marker.getBytes(StandardCharsets.US_ASCII);
		for (int at = 0, last = this.utf8.length - wanted.length; at <= last; at++) {
			if (this.utf8[at] == wanted[0] && Arrays.equals(this.utf8, at, at + wanted.length, wanted, 0, wanted.length)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String getValue() {
		if (this.text == null) {
			this.text = new String(this.utf8, StandardCharsets.UTF_8);
		}
		return this.text;
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public byte[] asUnquotedUTF8() {
		return this.utf8;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		if (offset + this.utf8.length > buffer.length) {
			return -1;
		}
		System.arraycopy(this.utf8, 0, buffer, offset, this.utf8.length);
		return this.utf8.length;
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		String value = getValue();
		if (offset + value.length() > buffer.length) {
			return -1;
		}
		value.getChars(0, value.length(), buffer, offset);
		return value.length();
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.utf8);
		return this.utf8.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (buffer.remaining() < this.utf8.length) {
			return -1;
		}
		buffer.put(this.utf8);
		return this.utf8.length;
	}

	// An answer is written as JSON, never quoted as a string value; these are the interface's, by Jackson's own string.

	@Override
	public char[] asQuotedChars() {
		return quoted().asQuotedChars();
	}

	@Override
	public byte[] asQuotedUTF8() {
		return quoted().asQuotedUTF8();
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return quoted().appendQuotedUTF8(buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		return quoted().appendQuoted(buffer, offset);
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		return quoted().writeQuotedUTF8(out);
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
		return quoted().putQuotedUTF8(buffer);
	}

	private SerializedString quoted() {
		return new SerializedString(getValue());
	}

	@Override
	public String toString() {
		return getValue();
	}

}
