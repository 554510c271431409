package org.junheng.system;

import reactor.core.publisher.Mono;

/** An ID in the input that names nothing; reported as NOT_FOUND with the field. */
public class NotFoundException extends RuntimeException {

	private final String field;

	public NotFoundException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** For {@code switchIfEmpty}: a lazily built NOT_FOUND error. */
	public static <T> Mono<T> error(String field, String message) {
		return Mono.error(() -> new NotFoundException(field, message));
	}

	public String field() {
		return this.field;
	}

}
