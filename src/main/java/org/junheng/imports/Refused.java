package org.junheng.imports;

/** A cell, or a whole file, that cannot be read as meant: the message key that says why. */
final class Refused extends Exception {

	final String key;

	Refused(String key) {
		super(key, null, false, false);
		this.key = key;
	}

}
