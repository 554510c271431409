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

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new Problem(field, message)));
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** One broken rule: the input field (a path like {@code input.milestones[2].dueOn}) and what is wrong. */
	public record Problem(String field, String message) {
	}

}
