package org.junheng.system;

/**
 * The caller may not do or see this: reported as UNAUTHORIZED to an anonymous caller (signing in
 * may help) and as FORBIDDEN to a signed-in one, with the field or path it concerns.
 */
public class ForbiddenException extends RuntimeException {

	private final String field;

	private final Text text;

	private final boolean anonymous;

	public ForbiddenException(String field, Text text, boolean anonymous) {
		super(text.key());
		this.field = field;
		this.text = text;
		this.anonymous = anonymous;
	}

	public String field() {
		return this.field;
	}

	public Text text() {
		return this.text;
	}

	public boolean anonymous() {
		return this.anonymous;
	}

}
