package org.junheng.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.junheng.security.Caller;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.GlobalId;
import org.junheng.system.Languages;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** {@code Query.imports} and {@code Query.import}: uploads read back, for signed-in callers. */
@Controller
class ImportController {

	private final Imports imports;

	ImportController(Imports imports, BatchLoaderRegistry loaders) {
		this.imports = imports;
		loaders.<RowsKey, List<ImportRecord.RowOutcome>>forName("importRows")
			.registerMappedBatchLoader((keys, env) -> Batches.byGroup(keys, (key) -> List.of(key.first(), key.afterRow()),
					(page, group) -> this.imports.rows(group.stream().map(RowsKey::importId).toList(), page.get(0), page.get(1))
						.map((byImport) -> group.stream().collect(Collectors.toMap((key) -> key,
								(key) -> byImport.getOrDefault(key.importId(), List.of()), (a, b) -> a)))));
	}

	/** A page of an import's rows: a staff list may have hundreds of thousands. */
	record RowsKey(long importId, int first, int afterRow) {
	}

	@QueryMapping
	Mono<List<ImportView>> imports(@Argument Integer first, GraphQLContext context, Locale locale) {
		int count = (first != null) ? first : 20;
		Checks.arguments().range(count, 0, 100, "first").validate();
		Caller caller = signedIn(context, "imports");
		return this.imports.list(caller, count).flatMapIterable((records) -> records)
			.concatMap((record) -> Mono.just(ImportView.of(record, List.of(), locale)))
			.collectList();
	}

	@QueryMapping("import")
	Mono<ImportView> importById(@Argument String id, GraphQLContext context, Locale locale) {
		long key = GlobalId.key(id, "Import", "id");
		Caller caller = signedIn(context, "import");
		return this.imports.one(caller, key).map((record) -> ImportView.of(record, List.of(), locale));
	}

	@BatchMapping(typeName = "Import")
	Mono<Map<ImportView, List<ImportView.ProblemView>>> problems(List<ImportView> views, GraphQLContext context) {
		Locale locale = context.getOrDefault(Languages.KEY, Languages.CHINESE);
		return this.imports.problems(ids(views)).map((byImport) -> Batches.joinedLists(views, (view) -> key(view),
				byImport.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().stream()
					.map((p) -> new ImportView.ProblemView(p.row(), p.column(), p.value(), p.message(locale))).toList()))));
	}

	@SchemaMapping(typeName = "Import")
	CompletableFuture<List<ImportRecord.RowOutcome>> rows(ImportView view, @Argument Integer first, @Argument Integer afterRow,
			DataLoader<RowsKey, List<ImportRecord.RowOutcome>> importRows) {
		int count = (first != null) ? first : 1000;
		int after = (afterRow != null) ? afterRow : 0;
		Checks.arguments().range(count, 0, 10_000, "first").validate();
		return importRows.load(new RowsKey(key(view), count, after));
	}

	private static List<Long> ids(List<ImportView> views) {
		return views.stream().map(ImportController::key).toList();
	}

	private static long key(ImportView view) {
		return GlobalId.key(view.id(), "Import", "id");
	}

	private static Caller signedIn(GraphQLContext context, String field) {
		Caller caller = Caller.of(context);
		if (caller.anonymous()) {
			throw caller.forbidden(field, "action.read", field);
		}
		return caller;
	}

}
