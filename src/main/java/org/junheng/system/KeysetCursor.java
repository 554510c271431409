package org.junheng.system;

/**
 * Cursors carry the list and order they belong to and the row's key, nothing else: no field
 * value (a teacher's name, say) travels in them. Written by Java for lists run field by field
 * and by PostgreSQL for pages it writes as JSON ({@link PageJson}); {@code SqlReadsTests} holds
 * the two to the same text.
 */
final class KeysetCursor {

	private KeysetCursor() {
	}

	static String encode(Keyset.Sort sort, long id) {
		return Base64Url.of(sort.name() + "|" + id);
	}

	/** The cursor of the row whose key is {@code id} (an SQL expression), as {@link #encode} writes it. */
	static String sql(Keyset.Sort sort, String id) {
		// Sort names are the server's own (list-FIELD-desc), never a client's text.
		return Base64Url.sql("'" + sort.name() + "|' || " + id);
	}

	static Long decode(PageRequest page, Keyset.Sort sort) {
		String cursor = page.cursor();
		if (cursor == null) {
			return null;
		}
		try {
			String raw = Base64Url.text(cursor);
			String[] parts = raw.split("\\|", -1);
			if (parts.length == 2 && parts[0].equals(sort.name()) && parts[1].matches("[0-9]{1,18}")) {
				return Long.valueOf(parts[1]);
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below
		}
		throw InvalidInputException.of(page.backward() ? "before" : "after", "check.listCursor");
	}

}
