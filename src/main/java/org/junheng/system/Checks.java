package org.junheng.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one input before refusing it, so a client learns of all its
 * mistakes in one round trip.
 */
public final class Checks {

	private final String prefix;

	private final List<InvalidInputException.Problem> problems = new ArrayList<>();

	private Checks(String prefix) {
		this.prefix = prefix;
	}

	/** Checks for the fields of the argument with this name, e.g. {@code input}. */
	public static Checks on(String argument) {
		return new Checks(argument);
	}

	public Checks require(boolean ok, String field, String message) {
		if (!ok) {
			this.problems.add(new InvalidInputException.Problem(this.prefix + "." + field, message));
		}
		return this;
	}

	public Checks text(String value, String field, int maxLength) {
		if (value != null) {
			require(!value.isBlank(), field, "must not be blank");
			require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
		}
		return this;
	}

	public Checks notNegative(Number value, String field) {
		return require(value == null || value.doubleValue() >= 0, field, "must not be negative");
	}

	/** Keeps a figure within what its column holds, so an absurd value is refused, not stored or failed on. */
	public Checks atMost(Number value, double max, String field) {
		return require(value == null || Math.abs(value.doubleValue()) <= max, field, "must be at most " + (long) max);
	}

	public Checks range(Integer value, int min, int max, String field) {
		return require(value == null || (value >= min && value <= max), field,
				"must be between " + min + " and " + max);
	}

	/** Throws when any check failed. */
	public void validate() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException(this.problems);
		}
	}

}
