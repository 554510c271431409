package org.junheng.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What {@link QueryLimits} judges an operation by: its depth, its cost (see there) and the path of
 * the first argument carrying the NUL character, which PostgreSQL text cannot hold (null if none).
 */
record OperationMeasure(int depth, long cost, String nul) {

	private static final int DEFAULT_PAGE = 20;

	private static final int LIST_GUESS = 10;

	/** The operation traversed once: its deepest field, its cost and its first NUL. */
	static OperationMeasure of(ExecutionContext context) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getOperationDefinition().getName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		int[] depth = new int[1];
		String[] nul = new String[1];
		traverser.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (introspection(env)) {
					return;
				}
				depth[0] = Math.max(depth[0], depth(env));
				env.getArguments().forEach((name, value) -> {
					if (nul[0] == null) {
						nul[0] = nul(value, name);
					}
				});
			}
		});
		long cost = traverser.reducePostOrder((env, childCost) -> introspection(env)
				|| GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType())) ? childCost
						: childCost + cost(env), 0L);
		return new OperationMeasure(depth[0], cost, nul[0]);
	}

	/**
	 * What a measure depends on: the parsed document (one object per text, from the document
	 * cache), the operation and its variables, when they are few and plain (else it is measured
	 * each time: a large input is not kept as a key).
	 */
	record Shape(Document document, String operation, Map<String, Object> variables) {

		static Optional<Shape> of(ExecutionContext context) {
			Map<String, Object> variables = context.getCoercedVariables().toMap();
			if (variables.size() > 16 || !variables.values().stream().allMatch(Shape::plain)) {
				return Optional.empty();
			}
			return Optional.of(new Shape(context.getDocument(), context.getOperationDefinition().getName(), variables));
		}

		private static boolean plain(Object value) {
			return value == null || value instanceof Number || value instanceof Boolean
					|| (value instanceof String text && text.length() <= 256);
		}

		// A document is equal to itself only: the same text parsed twice is measured twice.
		@Override
		public boolean equals(Object other) {
			return other instanceof Shape shape && shape.document == this.document && Objects.equals(shape.operation, this.operation)
					&& shape.variables.equals(this.variables);
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.document) * 31 + Objects.hash(this.operation, this.variables);
		}

	}

	/**
	 * A field's own cost with everything below it: the post-order reduce hands each field the sum
	 * of its children's cost so far, so the multiplier is applied here through the parent chain.
	 */
	private static long cost(QueryVisitorFieldEnvironment env) {
		long multiplier = 1;
		for (QueryVisitorFieldEnvironment at = env.getParentEnvironment(); at != null; at = at.getParentEnvironment()) {
			multiplier = Math.multiplyExact(multiplier, fanOut(at));
			if (multiplier > 1_000_000_000L) {
				return multiplier;
			}
		}
		return multiplier;
	}

	private static long fanOut(QueryVisitorFieldEnvironment env) {
		Map<String, Object> arguments = env.getArguments();
		for (String paging : List.of("first", "last")) {
			if (env.getFieldDefinition().getArgument(paging) != null) {
				Object size = arguments.get(paging);
				return (size instanceof Number number) ? Math.max(1, number.longValue()) : DEFAULT_PAGE;
			}
		}
		GraphQLType type = GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType());
		boolean underConnection = GraphQLTypeUtil.unwrapAll(env.getParentType()).getName().endsWith("Connection");
		return (type instanceof GraphQLList && !underConnection) ? LIST_GUESS : 1;
	}

	/**
	 * PostgreSQL text cannot hold the NUL character; a string carrying one is refused, for every
	 * argument of every field, with the path of the offending input field (returned here, else null).
	 */
	private static String nul(Object value, String path) {
		if (value instanceof String text && text.indexOf('\u0000') >= 0) {
			return path;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String found = nul(entry.getValue(), path + "." + entry.getKey());
				if (found != null) {
					return found;
				}
			}
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String found = nul(list.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static int depth(QueryVisitorFieldEnvironment env) {
		int depth = 1;
		for (QueryVisitorFieldEnvironment at = env.getParentEnvironment(); at != null; at = at.getParentEnvironment()) {
			depth++;
		}
		return depth;
	}

	private static boolean introspection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
			if (at.getField().getName().startsWith("__")) {
				return true;
			}
		}
		return false;
	}

}
