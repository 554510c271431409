package org.junheng.system;

/**
 * A write based on a stale version: someone else changed the row since the client read it.
 * Nothing is written; the client reloads and tries again.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	private final Text text;

	/** {@code text} says what is wrong with the field and follows its name, as a refused input's does. */
	public ConflictException(String field, Text text) {
		super(text.key());
		this.field = field;
		this.text = text;
	}

	/**
	 * Refuses a write whose {@code input.version} is not the stored one. The UPDATE checks the
	 * version again, so a write racing in between is refused too. {@code what} is a message key
	 * naming the thing written, e.g. {@code thing.milestone}.
	 */
	public static void check(Integer stored, Integer given, String what) {
		if (!stored.equals(given)) {
			throw new ConflictException("input.version", Text.of("conflict.version", given, Text.of(what), stored));
		}
	}

	public String field() {
		return this.field;
	}

	/** The sentence a client reads: the field, then what is wrong with it. */
	public Text text() {
		return Text.of("error.field", this.field, this.text);
	}

}
