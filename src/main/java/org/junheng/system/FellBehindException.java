package org.junheng.system;

/**
 * A subscriber left more events unread than its buffer holds. It is dropped so that it holds
 * nobody else back, and told the last cursor it was sent so that it can resume with {@code after}.
 */
public class FellBehindException extends RuntimeException {

	static final Text TEXT = Text.of("subscription.fellBehind");

	private final String cursor;

	public FellBehindException(String cursor) {
		super(TEXT.key());
		this.cursor = cursor;
	}

	public String cursor() {
		return this.cursor;
	}

}
