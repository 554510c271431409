package org.junheng.sqlread;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.ValuesResolver;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.util.RawValue;

import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.system.PageJson;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Runs a query whose whole selection PostgreSQL can write ({@link JsonSelection}, pages with
 * {@link JsonConnection}) as one statement returning the answer's JSON, which goes to the client
 * as it is; every other query, and any query whose lookup throws, whose statement fails or whose
 * answer holds a row outside a schema rule ({@link SqlRule#REFUSED}), is run field by field as before,
 * so errors are answered by one mechanism. Parsing, validation and the limits have run before
 * (they are graphql-java's steps ahead of the strategy); what a document compiles to is kept
 * with the parsed document.
 */
final class SqlReadStrategy extends AsyncExecutionStrategy {

	private final DatabaseClient db;

	private final Map<String, JsonType> types;

	private final Map<String, JsonRoot> roots;

	private final Outcomes outcomes;

	private final Access access;

	private final Cache<OperationDefinition, Optional<Compiled>> compiled = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(10_000)
		.build();

	SqlReadStrategy(DataFetcherExceptionHandler handler, DatabaseClient db, Access access, Map<String, JsonType> types,
			Map<String, JsonRoot> roots, MeterRegistry meters) {
		super(handler);
		this.access = access;
		this.outcomes = new Outcomes(meters);
		this.db = db;
		this.types = types;
		this.roots = roots;
	}

	@Override
	public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
		Compiled compiled = this.compiled.get(context.getOperationDefinition(), (operation) -> compile(context)).orElse(null);
		Statement statement = (compiled != null) ? compiled.statement(context, this.access) : null;
		if (statement == null) {
			((compiled != null) ? this.outcomes.refused : this.outcomes.fields).increment();
			return super.execute(context, parameters);
		}
		return statement.bind(this.db.sql(statement.sql()))
			.map((row) -> new Utf8Json(row.get(0, byte[].class)))
			.one()
			.onErrorResume((ex) -> {
				this.outcomes.failed.increment();
				return Mono.empty();
			})
			.flatMap((json) -> {
				if (json.contains(SqlRule.REFUSED)) {
					// A row outside a rule's scope: the guards of the field-by-field path answer why.
					this.outcomes.ruled.increment();
					return Mono.empty();
				}
				this.outcomes.sql.increment();
				return Mono.just((ExecutionResult) ExecutionResultImpl.newExecutionResult()
					.data(Map.of(compiled.key(), new RawValue(json)))
					.build());
			})
			.switchIfEmpty(Mono.fromFuture(() -> super.execute(context, parameters)))
			.toFuture();
	}

	private Optional<Compiled> compile(ExecutionContext context) {
		OperationDefinition operation = context.getOperationDefinition();
		if (operation.getOperation() != OperationDefinition.Operation.QUERY || !operation.getDirectives().isEmpty()
				|| operation.getSelectionSet().getSelections().size() != 1
				|| !(operation.getSelectionSet().getSelections().get(0) instanceof Field field)
				|| !field.getDirectives().isEmpty()) {
			return Optional.empty();
		}
		JsonRoot root = this.roots.get(field.getName());
		JsonType type = (root != null) ? this.types.get(root.type()) : null;
		GraphQLSchema schema = context.getGraphQLSchema();
		GraphQLFieldDefinition definition = schema.getQueryType().getFieldDefinition(field.getName());
		// The root field goes by the rule its nested fields go by: one with a schema rule of its own is run by its resolver.
		if (type == null || definition == null || !definition.getAppliedDirectives().isEmpty()) {
			return Optional.empty();
		}
		JsonSelection nodes = new JsonSelection(schema, this.types, context.getFragmentsByName());
		String sql;
		if (root.one() != null) {
			String json = nodes.object(type, "t0", field.getSelectionSet());
			sql = (json != null) ? "select coalesce((select " + json + " from " + type.table + " t0 where "
					+ SqlRule.marker("where") + " limit 1), 'null'::json)" : null;
		}
		else {
			String json = (GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLObjectType connection)
					? JsonConnection.of(connection, type, field.getSelectionSet(), nodes) : null;
			sql = (json != null) ? SqlRule.marker("page:with") + "select (" + json + ")::json" : null;
		}
		if (sql == null) {
			return Optional.empty();
		}
		String[] parts = sql.split(String.valueOf(SqlRule.MARK), -1);
		return Optional.of(new Compiled(field.getResultKey(), root, field, definition, parts, List.of(parts).contains("page:totalCount")));
	}

	/** How queries were answered ({@code junheng.graphql.sql.reads}), so an operator sees what the SQL path takes. */
	private static final class Outcomes {

		final Counter sql;

		final Counter fields;

		final Counter refused;

		final Counter failed;

		final Counter ruled;

		Outcomes(MeterRegistry meters) {
			this.sql = counter(meters, "sql");
			this.fields = counter(meters, "fields");
			this.refused = counter(meters, "lookup-refused");
			this.failed = counter(meters, "statement-failed");
			this.ruled = counter(meters, "rule-refused");
		}

		private static Counter counter(MeterRegistry meters, String outcome) {
			return Counter.builder("junheng.graphql.sql.reads")
				.description("Queries by how they were answered: by one SQL statement, or field by field (not compiled, lookup refused, a row outside a schema rule, statement failed)")
				.tag("outcome", outcome)
				.register(meters);
		}

	}

	/** A query compiled: the statement's text and markers ({@link SqlRule}), alternating; whether it writes a page's total. */
	private record Compiled(String key, JsonRoot root, Field field, GraphQLFieldDefinition definition, String[] parts,
			boolean counted) {

		/** The statement for this request, or null when the lookup refuses (the field's resolver answers why). */
		Statement statement(ExecutionContext context, Access access) {
			try {
				JsonRoot.Arguments arguments = new JsonRoot.Arguments(ValuesResolver.getArgumentValues(
						context.getGraphQLSchema().getCodeRegistry(), this.definition.getArguments(), this.field.getArguments(),
						context.getCoercedVariables(), context.getGraphQLContext(), context.getLocale()));
				Caller caller = Caller.of(context.getGraphQLContext());
				return (this.root.one() != null)
						? Statement.of(this.parts, access, caller, this.root.one().of(arguments, caller, "t0"), null)
						: Statement.of(this.parts, access, caller, null, new PageJson(this.root.page().of(arguments, caller), this.counted));
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
