package org.junheng.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A sentence for a person, kept as a message key and its arguments until it is written out in
 * the reader's language: Chinese ({@code messages.properties}) unless the request asks for
 * English ({@code messages_en.properties}), see {@link Languages}. Every message Junheng writes
 * for a bureau user (errors, refusals, verdict reasons) is one of these, so that no sentence
 * exists in one language only.
 */
public record Text(String key, List<Object> args) {

	private static final ResourceBundleMessageSource BUNDLES = bundles();

	/** The key of a list of texts, written one after another with the language's separator. */
	private static final String JOINED = "text.joined";

	public Text {
		// An argument may be null (a version the client left out); List.copyOf would refuse it.
		args = Collections.unmodifiableList(new ArrayList<>(args));
	}

	public static Text of(String key, Object... args) {
		return new Text(key, Arrays.asList(args));
	}

	/** The texts as one, e.g. a school's reasons after its name. */
	public static Text joined(List<Text> parts) {
		return new Text(JOINED, new ArrayList<>(parts));
	}

	/** The sentence in the language; arguments that are themselves texts are written in it too. */
	public String in(Locale locale) {
		if (this.key.equals(JOINED)) {
			String separator = BUNDLES.getMessage("text.separator", null, locale);
			return String.join(separator, this.args.stream().map((arg) -> write(arg, locale)).toList());
		}
		Object[] written = this.args.stream().map((arg) -> write(arg, locale)).toArray();
		return BUNDLES.getMessage(this.key, written, locale);
	}

	/**
	 * Arguments reach the pattern as strings, so that a school year stays 2026 and a count stays
	 * 1200 rather than gaining the locale's grouping separators.
	 */
	private static String write(Object arg, Locale locale) {
		if (arg instanceof Text text) {
			return text.in(locale);
		}
		if (arg instanceof Double || arg instanceof Float) {
			double value = ((Number) arg).doubleValue();
			return (value == Math.rint(value) && !Double.isInfinite(value)) ? String.valueOf((long) value) : String.valueOf(value);
		}
		return String.valueOf(arg);
	}

	/** The texts in the language, for a field of type {@code [String!]!}. */
	public static List<String> in(List<Text> texts, Locale locale) {
		return texts.stream().map((text) -> text.in(locale)).toList();
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		// The base bundle is Chinese; a server whose own locale is English must not answer in it.
		bundles.setFallbackToSystemLocale(false);
		// Every pattern is a MessageFormat, with or without arguments, so ' is always written ''.
		bundles.setAlwaysUseMessageFormat(true);
		// Both bundles read now, by whichever thread first uses a text (the schema's scalars at start-up), and never
		// again: a bundle read on an event loop would be file I/O there.
		for (Locale language : Languages.supported()) {
			bundles.getMessage("error.internal", null, language);
		}
		return bundles;
	}

}
