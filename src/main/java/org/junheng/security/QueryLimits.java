package org.junheng.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;

import org.junheng.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses, before anything is fetched, operations that are too deep, too costly or alias too
 * much. Cost counts one per object a field may return (scalars are free: they come with their
 * row), multiplied down the tree by the page size a paged field asks
 * for ({@code first} or {@code last}, else the default of 20) and by 10 for other lists, so that
 * {@code regions(first: 100)}, then {@code schools(first: 100)}, then {@code teachers(first: 100)} costs a million
 * and is refused. Before validation, the fields and aliases of the operation with its fragments
 * expanded are counted in linear time ({@link DocumentSize}), so a fragment bomb is refused before
 * any work grows with it. Introspection fields are left to graphql-java's good-faith introspection check
 * and to {@code spring.graphql.schema.introspection.enabled}.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

	private static final int DEFAULT_PAGE = 20;

	private static final int LIST_GUESS = 10;

	private final int maxDepth;

	private final long maxCost;

	private final int maxAliases;

	private final int maxFields;

	private final long costly;

	private final int maxCostly;

	/** Costly operations running now, on this instance. */
	private final AtomicInteger runningCostly = new AtomicInteger();

	QueryLimits(@Value("${junheng.graphql.max-depth:12}") int maxDepth, @Value("${junheng.graphql.max-cost:20000}") long maxCost,
			@Value("${junheng.graphql.max-aliases:30}") int maxAliases,
			@Value("${junheng.graphql.max-fields:2000}") int maxFields,
			@Value("${junheng.graphql.costly:2000}") long costly,
			@Value("${junheng.graphql.max-concurrent-costly:#{2 * T(java.lang.Runtime).getRuntime().availableProcessors()}}") int maxCostly) {
		this.maxDepth = maxDepth;
		this.maxCost = maxCost;
		this.maxAliases = maxAliases;
		this.maxFields = maxFields;
		this.costly = costly;
		this.maxCostly = maxCostly;
	}

	/**
	 * Before validation, whose cost also grows with the expanded operation: the fields and
	 * aliases the operation would execute, fragments expanded, measured in linear time.
	 */
	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		DocumentSize size = DocumentSize.of(parameters.getDocument(), parameters.getOperation());
		Locale locale = parameters.getExecutionInput().getLocale();
		check("fields", size.fields(), this.maxFields, "refusal.fields", locale);
		check("aliases", size.aliases(), this.maxAliases, "refusal.aliases", locale);
		return super.beginValidation(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		AtomicReference<graphql.ExecutionInput> execution = parameters.getGraphQLContext().get(CallerInterceptor.EXECUTION);
		if (execution != null) {
			execution.set(parameters.getExecutionInput());
		}
		return super.beginExecution(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		Locale locale = context.getLocale();
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getOperationDefinition().getName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		int[] depth = new int[1];
		traverser.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (introspection(env)) {
					return;
				}
				depth[0] = Math.max(depth[0], depth(env));
				env.getArguments().forEach((name, value) -> refuseNul(value, name, locale));
			}
		});
		check("depth", depth[0], this.maxDepth, "refusal.depth", locale);
		long cost = traverser.reducePostOrder((env, childCost) -> introspection(env)
				|| GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType())) ? childCost
						: childCost + cost(env), 0L);
		check("cost", cost, this.maxCost, "refusal.cost", locale);
		return (cost >= this.costly) ? admitCostly(locale) : super.beginExecuteOperation(parameters, state);
	}

	/**
	 * Costly operations run a few at a time (twice the cores by default) and the rest are
	 * refused at once with BUSY, so that a flood of them cannot take the machine from ordinary
	 * requests: those are never held back. The place is given back when the operation completes,
	 * however it ends (a timeout cancels it).
	 */
	private InstrumentationContext<ExecutionResult> admitCostly(Locale locale) {
		if (this.runningCostly.incrementAndGet() > this.maxCostly) {
			this.runningCostly.decrementAndGet();
			throw new AbortExecutionException(List.of(Refusal.BUSY.error(Text.of("refusal.busy", this.maxCostly), locale,
					Map.of("limit", "concurrentCostly", "max", this.maxCostly, "retryable", true))));
		}
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> this.runningCostly.decrementAndGet());
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
	 * PostgreSQL text cannot hold the NUL character; a string carrying one is refused here, for
	 * every argument of every field, with the path of the offending input field.
	 */
	private static void refuseNul(Object value, String path, Locale locale) {
		if (value instanceof String text && text.indexOf('\u0000') >= 0) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
				.message(Text.of("error.field", path, Text.of("check.nul")).in(locale)).extensions(Map.of("field", path)).build()));
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, nested) -> refuseNul(nested, path + "." + key, locale));
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				refuseNul(list.get(i), path + "[" + i + "]", locale);
			}
		}
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

	private static void check(String limit, long actual, long max, String message, Locale locale) {
		if (actual > max) {
			throw new AbortExecutionException(List.of(Refusal.QUERY_TOO_COMPLEX.error(Text.of(message, actual, max), locale,
					Map.of("limit", limit, "actual", actual, "max", max))));
		}
	}

}
