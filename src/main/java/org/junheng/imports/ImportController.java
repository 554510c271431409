package org.junheng.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.junheng.security.Caller;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.GlobalId;
import org.junheng.system.Languages;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.imports} and {@code Query.import}: uploads read back, for signed-in callers. */
@Controller
class ImportController {

	private final Imports imports;

	ImportController(Imports imports) {
		this.imports = imports;
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

	@BatchMapping(typeName = "Import")
	Mono<Map<ImportView, List<ImportRecord.RowOutcome>>> rows(List<ImportView> views) {
		return this.imports.rows(ids(views)).map((byImport) -> Batches.joinedLists(views, (view) -> key(view), byImport));
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
