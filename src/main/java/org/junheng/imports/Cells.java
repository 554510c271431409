package org.junheng.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a cell of a filled-in sheet says, read the way a person meant it: full-width digits and
 * punctuation (１２３，４５) as their ASCII forms, thousands separators dropped, spaces of any
 * width trimmed, a number Excel stored as text read as the number. A value that still is no
 * number is a {@link Refused} with the message key that says why, never a guess.
 */
final class Cells {

	private static final Pattern THOUSANDS = Pattern.compile("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[,;、\\s/]+");

	private Cells() {
	}

	/** The text, normalized: NFKC folds full-width forms; every kind of space is trimmed. */
	static String text(String raw) {
		if (raw == null) {
			return "";
		}
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('\u00a0', ' ').strip();
	}

	static boolean blank(String raw) {
		return text(raw).isEmpty();
	}

	static Integer integer(String raw) throws Refused {
		BigDecimal value = decimal(raw);
		if (value == null) {
			return null;
		}
		try {
			return value.stripTrailingZeros().intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new Refused("import.notWhole");
		}
	}

	static BigDecimal decimal(String raw) throws Refused {
		String text = text(raw);
		if (text.isEmpty()) {
			return null;
		}
		if (THOUSANDS.matcher(text).matches()) {
			text = text.replace(",", "");
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new Refused("import.notNumber");
		}
	}

	/** Whole numbers listed in one cell, as people write them: 45,44 or 45、44 or 45 44. */
	static List<Integer> integers(String raw) throws Refused {
		List<Integer> values = new ArrayList<>();
		for (BigDecimal value : decimals(raw)) {
			try {
				values.add(value.stripTrailingZeros().intValueExact());
			}
			catch (ArithmeticException ex) {
				throw new Refused("import.notWhole");
			}
		}
		return values;
	}

	static List<BigDecimal> decimals(String raw) throws Refused {
		String text = text(raw);
		List<BigDecimal> values = new ArrayList<>();
		if (text.isEmpty()) {
			return values;
		}
		for (String part : LIST_SEPARATORS.split(text)) {
			if (!part.isEmpty()) {
				try {
					values.add(new BigDecimal(part));
				}
				catch (NumberFormatException ex) {
					throw new Refused("import.notNumberList");
				}
			}
		}
		return values;
	}

	/** A school year as a bureau writes it: 2026, 2026-2027, 2026学年 or 2026—2027学年. */
	static Integer schoolYear(String raw) throws Refused {
		String text = text(raw).replace("学年", "").replace("年", "").strip();
		if (text.isEmpty()) {
			return null;
		}
		String[] parts = text.split("\\s*[-—–~至]\\s*");
		try {
			int start = new BigDecimal(parts[0]).intValueExact();
			if (parts.length == 2 && new BigDecimal(parts[1]).intValueExact() != start + 1) {
				throw new Refused("import.schoolYearSpan");
			}
			if (parts.length > 2) {
				throw new Refused("import.notSchoolYear");
			}
			return start;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new Refused("import.notSchoolYear");
		}
	}

}
