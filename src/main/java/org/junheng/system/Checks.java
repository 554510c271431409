package org.junheng.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one input before refusing it, so a client learns of all its
 * mistakes in one round trip.
 */
public final class Checks {

	/** The first school year Junheng holds. */
	public static final int FIRST_SCHOOL_YEAR = 1949;

	/** The last school year Junheng holds, well past any plan; PostgreSQL makes dates of all of them. */
	public static final int LAST_SCHOOL_YEAR = 2200;

	private final String prefix;

	private final List<InvalidInputException.Problem> problems = new ArrayList<>();

	private Checks(String prefix) {
		this.prefix = prefix;
	}

	/** Checks for the fields of the argument with this name, e.g. {@code input}. */
	public static Checks on(String argument) {
		return new Checks(argument);
	}

	/** Checks for a field's own arguments, e.g. {@code schoolYear} of {@code Region.balance}. */
	public static Checks arguments() {
		return new Checks(null);
	}

	/** Records a broken rule unless {@code ok}: {@code message} is a key of {@code messages.properties}. */
	public Checks require(boolean ok, String field, String message, Object... args) {
		if (!ok) {
			this.problems.add(new InvalidInputException.Problem((this.prefix != null) ? this.prefix + "." + field : field,
					Text.of(message, args)));
		}
		return this;
	}

	public Checks text(String value, String field, int maxLength) {
		if (value != null) {
			require(!value.isBlank(), field, "check.blank");
			require(value.length() <= maxLength, field, "check.maxLength", maxLength);
		}
		return this;
	}

	public Checks notNegative(Number value, String field) {
		return require(value == null || value.doubleValue() >= 0, field, "check.negative");
	}

	/** Keeps a figure within what its column holds, so an absurd value is refused, not stored or failed on. */
	public Checks atMost(Number value, double max, String field) {
		return require(value == null || Math.abs(value.doubleValue()) <= max, field, "check.atMost", (long) max);
	}

	public Checks range(Integer value, int min, int max, String field) {
		return require(value == null || (value >= min && value <= max), field, "check.range", min, max);
	}

	/**
	 * A school year, checked alike wherever one is given: outside {@value #FIRST_SCHOOL_YEAR} to
	 * {@value #LAST_SCHOOL_YEAR} it is refused, where it would otherwise reach PostgreSQL as a
	 * date it cannot make (1 September of year 0 or 5874898).
	 */
	public Checks schoolYear(Integer value, String field) {
		return range(value, FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR, field);
	}

	/** Throws when any check failed. */
	public void validate() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException(this.problems);
		}
	}

}
