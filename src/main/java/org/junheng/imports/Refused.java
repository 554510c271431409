package org.junheng.imports;

/** A cell, or a whole file, that cannot be read as meant: the message key that says why. */
class Refused extends Exception {

	final String key;

	Refused(String key) {
		super(key, null, false, false);
		this.key = key;
	}

	Object[] args() {
		return new Object[0];
	}

	/** A refusal whose message takes arguments, such as the choices a cell may hold. */
	static final class WithArgs extends Refused {

		private final Object[] args;

		WithArgs(String key, Object... args) {
			super(key);
			this.args = args;
		}

		@Override
		Object[] args() {
			return this.args.clone();
		}

	}

}
