package org.junheng.system;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parsed and validated documents, kept by their text: clients send the same few documents over
 * and over, and parsing and validating each again is most of what a small request costs. Bounded
 * by the characters held ({@code junheng.graphql.document-cache-chars}). A document the limits
 * refuse is not kept: the refusal is thrown before there is an entry, so it is checked again.
 * A request with only a persisted query's hash ({@link PersistedQueries}) runs the document the
 * hash names, through the same cache.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments {

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(@Value("${junheng.graphql.document-cache-chars:4000000}") long chars,
			PersistedQueries persisted) {
		Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder()
			.maximumWeight(chars)
			.<String, PreparsedDocumentEntry>weigher((document, entry) -> document.length())
			.build();
		PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
			@Override
			public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
					Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
				PersistedQueries.Resolved resolved = persisted.resolve(input);
				if (resolved.error() != null) {
					return CompletableFuture.completedFuture(new PreparsedDocumentEntry(resolved.error()));
				}
				ExecutionInput document = resolved.input();
				return CompletableFuture.completedFuture(cache.get(document.getQuery(), (text) -> parseAndValidate.apply(document)));
			}
		};
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(provider));
	}

}
