package org.junheng.system;

/**
 * The caller may not do or see this: reported as UNAUTHORIZED to an anonymous caller (signing in
 * may help) and as FORBIDDEN to a signed-in one, with the field or path it concerns.
 */
public class ForbiddenException extends RuntimeException {

	private final String field;

	private final boolean anonymous;

	public ForbiddenException(String field, String message, boolean anonymous) {
		super(message);
		this.field = field;
		this.anonymous = anonymous;
	}

	public String field() {
		return this.field;
	}

	public boolean anonymous() {
		return this.anonymous;
	}

}
