package org.junheng.sqlread;

import java.util.Map;

import org.junheng.security.Caller;
import org.junheng.system.PageQuery;
import org.junheng.system.PageRequest;
import org.junheng.system.SqlWhere;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.validation.BindException;

/**
 * A query field PostgreSQL can answer as JSON: one row of {@code type} that a condition finds
 * ({@link #one}), or a page of them ({@link #page}). The condition or page is the one the field's
 * resolver uses, so the caller's scope and the arguments' checks are applied by the same code on
 * both paths. When it throws (an argument that is not valid, a caller who may read nothing) the
 * field is run by its resolver, which answers the error.
 */
public record JsonRoot(String field, String type, Lookup one, PageLookup page) {

	/** The row of {@code type} a condition finds, or null. */
	public static JsonRoot one(String field, String type, Lookup lookup) {
		return new JsonRoot(field, type, lookup, null);
	}

	/** A connection of {@code type} rows ({@code edges}, {@code pageInfo}, {@code totalCount}). */
	public static JsonRoot page(String field, String type, PageLookup lookup) {
		return new JsonRoot(field, type, null, lookup);
	}

	@FunctionalInterface
	public interface Lookup {

		/** The condition on the row aliased {@code alias} for these arguments and this caller. */
		SqlWhere of(Arguments arguments, Caller caller, String alias);

	}

	@FunctionalInterface
	public interface PageLookup {

		/** The page these arguments ask this caller's list for. */
		PageQuery of(Arguments arguments, Caller caller);

	}

	/** The field's arguments as the resolver's {@code @Argument} parameters receive them. */
	public static final class Arguments {

		private static final GraphQlArgumentBinder BINDER = new GraphQlArgumentBinder();

		private final Map<String, Object> values;

		Arguments(Map<String, Object> values) {
			this.values = values;
		}

		/** The Relay paging arguments of a connection field ({@code first}, {@code after}, {@code last}, {@code before}), checked. */
		public PageRequest page() {
			return PageRequest.of(get("first", Integer.class), get("after", String.class), get("last", Integer.class),
					get("before", String.class));
		}

		public <T> T get(String name, Class<T> type) {
			Object value = this.values.get(name);
			try {
				return type.cast(BINDER.bind(value, !this.values.containsKey(name), ResolvableType.forClass(type)));
			}
			catch (BindException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

	}

}
