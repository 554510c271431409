package org.junheng.system;

/**
 * A Relay global ID: the GraphQL type and its key, base64url-encoded so clients treat it as opaque.
 */
public record GlobalId(String type, String key) {

	public static String of(String type, Object key) {
		return Base64Url.of(type + ":" + key);
	}

	/** The global ID of {@code type} whose key is the SQL expression {@code key}, as PostgreSQL writes it. */
	public static String sql(String type, String key) {
		return Base64Url.sql("'" + type + ":' || " + key);
	}

	/** Decodes any global ID, or returns null when it is not one of ours. */
	public static GlobalId parse(String id) {
		if (id == null) {
			return null;
		}
		try {
			String raw = Base64Url.text(id);
			int colon = raw.indexOf(':');
			return (colon > 0 && colon < raw.length() - 1) ? new GlobalId(raw.substring(0, colon), raw.substring(colon + 1))
					: null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The numeric key of an ID that must name an object of the given type.
	 * @param field the input field it came from, named in the error
	 * @throws InvalidInputException when the ID is malformed or names another type
	 */
	public static long key(String id, String type, String field) {
		GlobalId parsed = parse(id);
		if (parsed == null || !parsed.type().equals(type)) {
			throw InvalidInputException.of(field, "check.globalId", type);
		}
		try {
			return Long.parseLong(parsed.key());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "check.globalId", type);
		}
	}

	/** Like {@link #key} for an optional field: null stays null. */
	public static Long optionalKey(String id, String type, String field) {
		return (id != null) ? key(id, type, field) : null;
	}

}
