package org.junheng.sqlread;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * An answer's JSON as PostgreSQL sent it, UTF-8 bytes that a UTF-8 generator (every response's)
 * copies into its output as they are. Read as a {@code String}, the answer was decoded to UTF-16
 * (the Chinese text of every page) and encoded back: 9% of a page's CPU in the profile. The
 * other forms, which nothing here asks for, are made from the text when asked.
 */
final class Utf8Json implements SerializableString {

	private final byte[] utf8;

	private SerializedString text;

	Utf8Json(byte[] utf8) {
		this.utf8 = utf8;
	}

	/** Whether the answer holds this ASCII text: no byte of a multi-byte UTF-8 character matches ASCII. */
	boolean contains(String ascii) {
		byte[] part = ascii.getBytes(StandardCharsets.US_ASCII);
		next: for (int at = 0, last = this.utf8.length - part.length; at <= last; at++) {
			for (int i = 0; i < part.length; i++) {
				if (this.utf8[at + i] != part[i]) {
					continue next;
				}
			}
			return true;
		}
		return false;
	}

	@Override
	public byte[] asUnquotedUTF8() {
		return this.utf8;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		if (this.utf8.length > buffer.length - offset) {
			return -1;
		}
		System.arraycopy(this.utf8, 0, buffer, offset, this.utf8.length);
		return this.utf8.length;
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.utf8);
		return this.utf8.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (this.utf8.length > buffer.remaining()) {
			return -1;
		}
		buffer.put(this.utf8);
		return this.utf8.length;
	}

	private SerializedString text() {
		if (this.text == null) {
			this.text = new SerializedString(new String(this.utf8, StandardCharsets.UTF_8));
		}
		return this.text;
	}

	@Override
	public String getValue() {
		return text().getValue();
	}

	@Override
	public int charLength() {
		return text().charLength();
	}

	@Override
	public char[] asQuotedChars() {
		return text().asQuotedChars();
	}

	@Override
	public byte[] asQuotedUTF8() {
		return text().asQuotedUTF8();
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return text().appendQuotedUTF8(buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		return text().appendQuoted(buffer, offset);
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		return text().appendUnquoted(buffer, offset);
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		return text().writeQuotedUTF8(out);
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
		return text().putQuotedUTF8(buffer);
	}

	@Override
	public String toString() {
		return getValue();
	}

}
