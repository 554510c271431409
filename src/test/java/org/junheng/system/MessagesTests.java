package org.junheng.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two message bundles say the same things: the same keys, each pattern well formed with the
 * same arguments in both languages, every key the code names present in both, and no key left
 * that nothing uses. Keys built at run time ({@code "indicator." + code}) are the enum families
 * listed here, each member checked.
 */
class MessagesTests {

	/** Keys composed from an enum's names, with the names of that enum. */
	private static final List<String> FAMILIES = List.of(
			"indicator.:QUALIFIED_TEACHERS,BACKBONE_TEACHERS,PE_ARTS_TEACHERS,TEACHING_AREA,SPORTS_AREA,EQUIPMENT_VALUE,MULTIMEDIA_CLASSROOMS",
			"segment.:PRIMARY,JUNIOR", "stage.:PRIMARY,JUNIOR,NINE_YEAR,TWELVE_YEAR", "level.:PROVINCE,CITY,COUNTY");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-zA-Z]*\\.[a-zA-Z]+)\"");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(bundle("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	@Test
	void everyPatternIsWellFormedWithTheSameArgumentsInBothLanguages() throws IOException {
		Properties chinese = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		List<String> problems = new ArrayList<>();
		for (String key : chinese.stringPropertyNames()) {
			for (Properties language : List.of(chinese, english)) {
				String pattern = language.getProperty(key, "");
				try {
					new MessageFormat(pattern, Locale.ROOT);
				}
				catch (IllegalArgumentException ex) {
					problems.add(key + " does not parse: " + pattern);
				}
				if (pattern.replace("''", "").contains("'")) {
					problems.add(key + " has a lone quote, which MessageFormat drops: " + pattern);
				}
			}
			if (!arguments(chinese.getProperty(key)).equals(arguments(english.getProperty(key, "")))) {
				problems.add(key + " takes other arguments in English than in Chinese");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyTheCodeNamesExistsAndEveryKeyIsUsed() throws IOException {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Set<String> prefixes = new TreeSet<>();
		keys.forEach((key) -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
		Set<String> named = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Paths.get("src/main/java"))) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher literal = LITERAL.matcher(Files.readString(source));
				while (literal.find()) {
					String candidate = literal.group(1);
					if (prefixes.contains(candidate.substring(0, candidate.indexOf('.') + 1))) {
						named.add(candidate);
					}
				}
			}
		}
		for (String family : FAMILIES) {
			String prefix = family.substring(0, family.indexOf(':'));
			for (String name : family.substring(family.indexOf(':') + 1).split(",")) {
				named.add(prefix + name);
			}
		}
		// Keys the code does not name as one literal: the list separator, used by Text.joined.
		named.add("text.separator");
		named.remove("text.joined");
		assertThat(keys).as("keys named in src/main/java but missing from the bundles").containsAll(named);
		assertThat(named).as("keys in the bundles that nothing uses").containsAll(keys);
	}

	@Test
	void textsAreWrittenInTheLanguageAskedForWithPlainNumbers() {
		Text text = Text.of("reason.cvAbove", Text.of("indicator.BACKBONE_TEACHERS"), "0.524", 0.5);
		assertThat(text.in(Languages.CHINESE)).isEqualTo("每百名学生拥有县级以上骨干教师数：差异系数 0.524，高于 0.5");
		assertThat(text.in(Locale.ENGLISH))
			.isEqualTo("county-level or higher backbone teachers per 100 students: coefficient of variation 0.524 is above 0.5");
		assertThat(Text.of("check.range", 1949, 2200).in(Locale.ENGLISH)).isEqualTo("must be between 1949 and 2200");
		assertThat(Text.of("refusal.documentSize", 123456, 20000).in(Languages.CHINESE)).contains("123456").contains("20000");
		assertThat(Text.joined(List.of(Text.of("reason.noStudents"), Text.of("guarantee.noTeachers"))).in(Languages.CHINESE))
			.isEqualTo("未录入学生数；未录入教师");
		assertThat(Text.of("check.inPlanPeriod", "x").in(Locale.ENGLISH)).isEqualTo("must fall in the plan's period, x");
	}

	@Test
	void acceptLanguageChoosesEnglishOnlyWhenItIsPreferredToChinese() {
		assertThat(Languages.of((String) null)).isEqualTo(Languages.CHINESE);
		assertThat(Languages.of("en")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Languages.CHINESE);
		assertThat(Languages.of("fr-FR, en;q=0.5")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of("zh-TW;q=0.4, en;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of("fr, de")).isEqualTo(Languages.CHINESE);
		assertThat(Languages.of(";;;q=x")).isEqualTo(Languages.CHINESE);
	}

	private static Set<String> arguments(String pattern) {
		Set<String> arguments = new TreeSet<>();
		Matcher argument = ARGUMENT.matcher(pattern);
		while (argument.find()) {
			arguments.add(argument.group(1));
		}
		return arguments;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
