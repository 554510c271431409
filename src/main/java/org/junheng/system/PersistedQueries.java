package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries (Apollo's APQ): a client sends the SHA-256 of its document in
 * {@code extensions.persistedQuery.sha256Hash} and no document; Junheng answers
 * {@code PersistedQueryNotFound} (code {@code PERSISTED_QUERY_NOT_FOUND}) until the client has
 * sent hash and document once, and from then on runs the document the hash names. Documents are
 * kept by hash, bounded by the characters held ({@code junheng.graphql.persisted-query-chars}):
 * one evicted is simply sent again. A document is checked against its hash before it is kept.
 */
@Component
public class PersistedQueries {

	/** What Spring for GraphQL puts in place of the document of a request that has only a hash. */
	public static final String MARKER = graphql.execution.preparsed.persisted.PersistedQuerySupport.PERSISTED_QUERY_MARKER;

	private final Cache<String, String> documents;

	PersistedQueries(@Value("${junheng.graphql.persisted-query-chars:4000000}") long chars) {
		this.documents = Caffeine.newBuilder().maximumWeight(chars).<String, String>weigher((hash, text) -> text.length()).build();
	}

	/** The hash an APQ request names, or null for a request without one. */
	public static String hash(Map<String, Object> extensions) {
		if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return hash.toLowerCase(Locale.ROOT);
		}
		return null;
	}

	/** The document kept for this hash, or null. */
	public String known(String hash) {
		return this.documents.getIfPresent(hash);
	}

	/**
	 * The execution input with the document its hash names, or an error: not found (the client
	 * then sends the document), or a document that is not the one hashed.
	 */
	Resolved resolve(ExecutionInput input) {
		String hash = hash(input.getExtensions());
		if (hash == null) {
			return new Resolved(input, null);
		}
		String query = input.getQuery();
		if (query == null || query.isBlank() || MARKER.equals(query)) {
			String known = known(hash);
			return (known != null) ? new Resolved(input.transform((builder) -> builder.query(known)), null)
					: new Resolved(null, new Failure("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND", true));
		}
		if (!sha256(query).equals(hash)) {
			return new Resolved(null, new Failure(Text.of("apq.hashMismatch").in(input.getLocale()), "BAD_REQUEST", false));
		}
		this.documents.put(hash, query);
		return new Resolved(input, null);
	}

	/** The input to run, or the error to answer instead. */
	record Resolved(ExecutionInput input, GraphQLError error) {
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The protocol's answer: the message and {@code code} Apollo clients look for, and whether sending the document helps. */
	private record Failure(String message, String code, boolean sendDocument) implements GraphQLError {

		@Override
		public String getMessage() {
			return this.message;
		}

		@Override
		public List<SourceLocation> getLocations() {
			return null;
		}

		@Override
		public ErrorClassification getErrorType() {
			return ErrorClassification.errorClassification(this.code);
		}

		@Override
		public Map<String, Object> getExtensions() {
			return Map.of("classification", this.code, "code", this.code, "retryable", this.sendDocument);
		}

	}

}
