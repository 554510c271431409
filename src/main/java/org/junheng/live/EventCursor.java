package org.junheng.live;

import org.junheng.system.InvalidInputException;

/** The {@code after} argument of a live subscription: an event table's cursor, a non-negative number as text. */
public final class EventCursor {

	private EventCursor() {
	}

	/** The cursor, or null when none was given; anything else is refused as BAD_REQUEST on {@code after}. */
	public static Long parse(String after) {
		if (after == null) {
			return null;
		}
		try {
			long value = Long.parseLong(after);
			if (value >= 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw InvalidInputException.of("after", "check.serverCursor");
	}

}
