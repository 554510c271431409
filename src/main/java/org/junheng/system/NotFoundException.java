package org.junheng.system;

import reactor.core.publisher.Mono;

/** An ID in the input that names nothing; reported as NOT_FOUND with the field. */
public class NotFoundException extends RuntimeException {

	private final String field;

	private final Text text;

	public NotFoundException(String field, Text text) {
		super(text.key());
		this.field = field;
		this.text = text;
	}

	/** For {@code switchIfEmpty}: a lazily built NOT_FOUND error; {@code message} is a message key. */
	public static <T> Mono<T> error(String field, String message, Object... args) {
		return Mono.error(() -> new NotFoundException(field, Text.of(message, args)));
	}

	public String field() {
		return this.field;
	}

	public Text text() {
		return this.text;
	}

}
