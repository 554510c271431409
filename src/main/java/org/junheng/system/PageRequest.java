package org.junheng.system;

/**
 * The Relay paging arguments of one connection field, checked: either forward ({@code first},
 * {@code after}) or backward ({@code last}, {@code before}), at most {@link #MAX_SIZE} a page.
 */
public record PageRequest(int size, boolean backward, String cursor) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public static PageRequest of(Integer first, String after, Integer last, String before) {
		if (first != null && last != null) {
			throw InvalidInputException.of("last", "check.lastWithFirst");
		}
		if (after != null && before != null) {
			throw InvalidInputException.of("before", "check.beforeWithAfter");
		}
		if (last != null || before != null) {
			if (after != null || first != null) {
				throw InvalidInputException.of("before", "check.backwardPaging");
			}
			return new PageRequest(checked(last, "last"), true, before);
		}
		return new PageRequest(checked(first, "first"), false, after);
	}

	public static PageRequest forward(Integer first, String after) {
		return of(first, after, null, null);
	}

	private static int checked(Integer size, String field) {
		if (size == null) {
			return DEFAULT_SIZE;
		}
		if (size < 0 || size > MAX_SIZE) {
			throw InvalidInputException.of(field, "check.range", 0, MAX_SIZE);
		}
		return size;
	}

}
