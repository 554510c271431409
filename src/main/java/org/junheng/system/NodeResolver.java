package org.junheng.system;

import reactor.core.publisher.Mono;

/**
 * Looks up objects of one GraphQL type by the key inside their global ID, for {@code Query.node}.
 * Each feature registers one per type it owns.
 */
public interface NodeResolver {

	String type();

	Mono<?> find(String key, graphql.GraphQLContext context);

	/** The key of an object of this type, as its global ID carries it. */
	Object keyOf(Object node);

	/** The numeric key inside an ID, or null when it is not one. */
	static Long numericKey(String key) {
		try {
			return Long.valueOf(key);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
