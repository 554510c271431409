package org.junheng.imports;

import java.util.Locale;

import org.junheng.system.Languages;
import org.junheng.system.Text;

/** Why a row was refused: its row, the column and the value as written, and the reason in both languages. */
record Problem(int row, String column, String value, String chinese, String english) {

	static Problem of(int row, String column, String value, Text why) {
		return new Problem(row, column, value, why.in(Languages.CHINESE), why.in(Locale.ENGLISH));
	}

	/** The sentence a bureau user reads: 第 3 行「学年」（2026x）：不是学年. */
	String message(Locale locale) {
		boolean english = locale.getLanguage().equals("en");
		return Text.of("import.problem", this.row, this.column, this.value.isEmpty() ? "—" : this.value,
				english ? this.english : this.chinese).in(locale);
	}

}
