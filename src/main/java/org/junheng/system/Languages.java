package org.junheng.system;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * The language Junheng answers in: Chinese, its users' language, unless {@code Accept-Language}
 * prefers English. Any other language asked for gets Chinese, as does a header that does not parse.
 */
public final class Languages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	/** Where a request's language is kept in its GraphQL context (and so in its subscriptions' Reactor context). */
	public static final String KEY = "junheng.language";

	private Languages() {
	}

	public static Locale of(HttpHeaders headers) {
		return of(headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE));
	}

	public static Locale of(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return CHINESE;
		}
		try {
			// Ranges come ordered by weight: the first Junheng speaks wins.
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
				String language = range.getRange().split("-", 2)[0];
				if (language.equalsIgnoreCase("zh")) {
					return CHINESE;
				}
				if (language.equalsIgnoreCase("en")) {
					return Locale.ENGLISH;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// An unreadable header is no preference.
		}
		return CHINESE;
	}

	/** The languages Junheng has bundles for. */
	public static List<Locale> supported() {
		return List.of(CHINESE, Locale.ENGLISH);
	}

}
