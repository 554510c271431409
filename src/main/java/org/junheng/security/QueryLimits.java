package org.junheng.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
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

	private final int maxDepth;

	private final long maxCost;

	private final int maxAliases;

	private final int maxFields;

	private final long costly;

	private final int maxCostly;

	/** Measures of the operations seen: their traversal was 4.5% of a request's CPU when made for each. */
	private final Cache<OperationMeasure.Shape, OperationMeasure> measured = Caffeine.newBuilder().maximumSize(2_000).build();

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
		var context = parameters.getExecutionContext();
		Locale locale = context.getLocale();
		OperationMeasure measure = OperationMeasure.Shape.of(context)
			.map((shape) -> this.measured.get(shape, (absent) -> OperationMeasure.of(context)))
			.orElseGet(() -> OperationMeasure.of(context));
		if (measure.nul() != null) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
				.message(Text.of("error.field", measure.nul(), Text.of("check.nul")).in(locale))
				.extensions(Map.of("field", measure.nul())).build()));
		}
		check("depth", measure.depth(), this.maxDepth, "refusal.depth", locale);
		check("cost", measure.cost(), this.maxCost, "refusal.cost", locale);
		return (measure.cost() >= this.costly) ? admitCostly(locale) : super.beginExecuteOperation(parameters, state);
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

	private static void check(String limit, long actual, long max, String message, Locale locale) {
		if (actual > max) {
			throw new AbortExecutionException(List.of(Refusal.QUERY_TOO_COMPLEX.error(Text.of(message, actual, max), locale,
					Map.of("limit", limit, "actual", actual, "max", max))));
		}
	}

}
