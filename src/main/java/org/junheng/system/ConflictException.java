package org.junheng.system;

/**
 * A write based on a stale version: someone else changed the row since the client read it.
 * Nothing is written; the client reloads and tries again.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	/**
	 * {@code message} says what is wrong with the field and follows its name, as a refused input's
	 * does: "input.version" + " is 0 but the milestone is at version 1; reload and try again".
	 */
	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * Refuses a write whose {@code input.version} is not the stored one. The UPDATE checks the
	 * version again, so a write racing in between is refused too.
	 */
	public static void check(Integer stored, Integer given, String what) {
		if (!stored.equals(given)) {
			throw new ConflictException("input.version", "is " + given + " but the " + what + " is at version " + stored
					+ "; reload and try again");
		}
	}

	public String field() {
		return this.field;
	}

}
