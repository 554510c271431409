package org.junheng.system;

import java.util.List;

/**
 * Input a client sent that breaks a rule; reported as BAD_REQUEST with each offending field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidInputException(List<Problem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	/** One broken rule: {@code message} is a key of {@code messages.properties} saying what is wrong with the field. */
	public static InvalidInputException of(String field, String message, Object... args) {
		return new InvalidInputException(List.of(new Problem(field, Text.of(message, args))));
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** One broken rule: the input field (a path like {@code input.milestones[2].dueOn}) and what is wrong with it. */
	public record Problem(String field, Text message) {

		/** The sentence a client reads: the field, then what is wrong with it. */
		public Text text() {
			return Text.of("error.field", this.field, this.message);
		}

	}

}
