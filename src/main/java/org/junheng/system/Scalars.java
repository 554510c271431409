package org.junheng.system;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Date} and {@code DateTime} scalars, as ISO-8601 strings. */
@Configuration(proxyBeanMethods = false)
class Scalars {

	@Bean
	RuntimeWiringConfigurer scalarWiring() {
		GraphQLScalarType date = scalar("Date", LocalDate.class, LocalDate::parse, "scalar.date");
		GraphQLScalarType dateTime = scalar("DateTime", OffsetDateTime.class, OffsetDateTime::parse, "scalar.dateTime");
		return (wiring) -> wiring.scalar(date).scalar(dateTime);
	}

	private static <T> GraphQLScalarType scalar(String name, Class<T> type, Function<String, T> parser, String expected) {
		Coercing<T, String> coercing = new Coercing<>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof java.time.Instant instant) {
					return instant.atOffset(ZoneOffset.UTC).toString();
				}
				if (type.isInstance(value)) {
					return value.toString();
				}
				throw new CoercingSerializeException("Not " + Text.of(expected).in(Locale.ENGLISH));
			}

			@Override
			public T parseValue(Object input, GraphQLContext context, Locale locale) {
				try {
					return parser.apply(input.toString());
				}
				catch (DateTimeParseException ex) {
					throw new CoercingParseValueException(Text.of("scalar.gotValue", Text.of(expected), input).in(locale));
				}
			}

			@Override
			public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (input instanceof StringValue string) {
					try {
						return parser.apply(string.getValue());
					}
					catch (DateTimeParseException ex) {
						// falls through
					}
				}
				throw new CoercingParseLiteralException(Text.of("scalar.expected", Text.of(expected)).in(locale));
			}

		};
		// The schema describes itself in English, as its field descriptions do.
		return GraphQLScalarType.newScalar().name(name).description(Text.of(expected).in(Locale.ENGLISH)).coercing(coercing).build();
	}

}
