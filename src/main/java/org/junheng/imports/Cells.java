package org.junheng.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * What a cell of a filled-in sheet says, read the way a person meant it: full-width digits and
 * punctuation (１２３，４５) as their ASCII forms, thousands separators dropped, spaces of any
 * width trimmed, a number Excel stored as text read as the number. A value that still is no
 * number is a {@link Refused} with the message key that says why, never a guess.
 */
final class Cells {

	private static final Pattern THOUSANDS = Pattern.compile("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

	// 2015-09-01, 2015/9/1, 2015.9.1, 2015年9月1日, 20150901 and an ISO date-time's date
	private static final Pattern DATE = Pattern.compile(
			"(\\d{4})(?:[-/.年]\\s*(\\d{1,2})[-/.月]\\s*(\\d{1,2})日?|(\\d{2})(\\d{2}))(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?)?");

	private static final List<String> YES = List.of("y", "yes", "1", "√", "✓", "有");

	private static final List<String> NO = List.of("n", "no", "0", "×", "无");

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

	/**
	 * A date as people and Excel write it: 2015-09-01, 2015/9/1, 2015.9.1, 2015年9月1日, 20150901,
	 * or an Excel serial number (42248, five digits: 1927 to 2173) where the cell was not formatted as a date.
	 */
	static LocalDate date(String raw) throws Refused {
		String text = text(raw);
		if (text.isEmpty()) {
			return null;
		}
		if (SERIAL.matcher(text).matches()) {
			double serial = Double.parseDouble(text);
			return DateUtil.getLocalDateTime(serial).toLocalDate();
		}
		Matcher parts = DATE.matcher(text);
		if (!parts.matches()) {
			throw new Refused("import.notDate");
		}
		try {
			boolean compact = parts.group(2) == null;
			return LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(compact ? 4 : 2)),
					Integer.parseInt(parts.group(compact ? 5 : 3)));
		}
		catch (DateTimeException ex) {
			throw new Refused("import.notDate");
		}
	}

	/** A year, or the year of a date (a birth date written where the birth year goes). */
	static Integer year(String raw) throws Refused {
		String text = text(raw).replace("年", "");
		if (text.matches("\\d{4}")) {
			return Integer.parseInt(text);
		}
		LocalDate date = date(raw);
		return (date != null) ? date.getYear() : null;
	}

	/** One of a column's choices, by label or name, ignoring case; null when empty. */
	static String choice(String raw, Map<String, String> choices) throws Refused {
		String text = text(raw);
		if (text.isEmpty()) {
			return null;
		}
		for (Map.Entry<String, String> choice : choices.entrySet()) {
			if (choice.getKey().equalsIgnoreCase(text)) {
				return choice.getValue();
			}
		}
		if (YES.contains(text.toLowerCase(java.util.Locale.ROOT)) && choices.containsKey("true")) {
			return "true";
		}
		if (NO.contains(text.toLowerCase(java.util.Locale.ROOT)) && choices.containsKey("false")) {
			return "false";
		}
		throw new Refused("import.notChoice");
	}

	/** Words listed in one cell: 语文、数学 or 语文,数学; none when empty. */
	static List<String> words(String raw) {
		List<String> words = new ArrayList<>();
		for (String part : LIST_SEPARATORS.split(text(raw))) {
			if (!part.isEmpty()) {
				words.add(part);
			}
		}
		return words;
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
