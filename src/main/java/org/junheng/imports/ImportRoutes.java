package org.junheng.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.junheng.security.Caller;
import org.junheng.system.ErrorResponse;
import org.junheng.system.InvalidInputException;
import org.junheng.system.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The spreadsheet doors: {@code GET /templates/conditions.xlsx} and {@code /templates/teachers.xlsx}
 * (and {@code .csv}), {@code POST /imports/conditions} and {@code /imports/teachers} with the file as
 * the {@code file} part and {@code dryRun=true|false}, signed in with the same bearer tokens as the
 * graph. The answer is the import as JSON, 200 when it was checked or written, 422 when refused,
 * 202 while a staff list asked to run on ({@code Prefer: respond-async}) is RUNNING.
 */
@Configuration(proxyBeanMethods = false)
class ImportRoutes {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	@Bean
	RouterFunction<ServerResponse> spreadsheetRoutes(ConditionsImport conditions, TeachersImport teachers, Imports imports) {
		byte[] conditionsXlsx = ConditionsTemplate.TEMPLATE.xlsx();
		byte[] conditionsCsv = ConditionsTemplate.TEMPLATE.csv();
		byte[] teachersXlsx = TeachersTemplate.TEMPLATE.xlsx();
		byte[] teachersCsv = TeachersTemplate.TEMPLATE.csv();
		return RouterFunctions.route()
			.GET("/templates/conditions.xlsx", (request) -> file(conditionsXlsx, XLSX, "办学条件导入模板.xlsx"))
			.GET("/templates/conditions.csv", (request) -> file(conditionsCsv, CSV, "办学条件导入模板.csv"))
			.GET("/templates/teachers.xlsx", (request) -> file(teachersXlsx, XLSX, "教职工名单导入模板.xlsx"))
			.GET("/templates/teachers.csv", (request) -> file(teachersCsv, CSV, "教职工名单导入模板.csv"))
			.POST("/imports/conditions", (request) -> upload(request, imports, (caller) -> {
				var scope = conditions.scope(caller);
				return (upload) -> conditions.run(caller, scope, upload.path(), upload.name(), upload.dryRun());
			}, false))
			.POST("/imports/teachers", (request) -> upload(request, imports, (caller) -> {
				var scope = teachers.scope(caller);
				return (upload) -> teachers.begin(caller, scope, upload.name(), upload.dryRun())
					.map((id) -> new Started(id, teachers.run(id, caller, scope, upload.path(), upload.name(), upload.dryRun())));
			}, true))
			.build();
	}

	private static Mono<ServerResponse> file(byte[] bytes, MediaType type, String name) {
		return ServerResponse.ok().contentType(type)
			.header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.bodyValue(bytes);
	}

	/** The uploaded file, saved to a temporary file, with its name and whether it is a dry run. */
	record Upload(Path path, String name, boolean dryRun) {
	}

	/** An import under way: its ID, and its work, which completes when the import has its outcome. */
	record Started(long id, Mono<Void> work) {
	}

	/** What an import does with an upload, once the caller was found allowed to import at all. */
	interface Importer {

		Mono<?> start(Upload upload);

	}

	/**
	 * Saves the {@code file} part and runs the import. With {@code Prefer: respond-async} a long
	 * import answers 202 at once with the import RUNNING, to be followed in {@code Query.import}
	 * ({@code rowsRead} of {@code rowsTotal}); otherwise the answer waits for the outcome.
	 */
	private static Mono<ServerResponse> upload(ServerRequest request, Imports imports,
			java.util.function.Function<Caller, Importer> importer, boolean mayRespondAsync) {
		Locale locale = Languages.of(request.headers().asHttpHeaders());
		boolean async = mayRespondAsync && request.headers().header("Prefer").stream().anyMatch((p) -> p.contains("respond-async"));
		return Caller.current().flatMap((caller) -> request.multipartData().flatMap((parts) -> {
			Part part = parts.getFirst("file");
			if (!(part instanceof FilePart file)) {
				return Mono.error(InvalidInputException.of("file", "import.noFilePart"));
			}
			boolean dryRun = request.queryParam("dryRun").or(() -> field(parts.getFirst("dryRun"))).map("true"::equalsIgnoreCase)
				.orElse(false);
			Importer run = importer.apply(caller);
			return Mono.fromCallable(() -> Files.createTempFile("junheng-import", ".upload"))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((path) -> file.transferTo(path)
					.then(Mono.defer(() -> run.start(new Upload(path, file.filename(), dryRun))))
					.flatMap((started) -> {
						if (!(started instanceof Started going)) {
							delete(path);
							return Mono.just((Long) started);
						}
						if (async) {
							// The import goes on after the answer; its file is removed when it ends.
							going.work().doFinally((signal) -> delete(path)).subscribe();
							return Mono.just(going.id());
						}
						return going.work().doFinally((signal) -> delete(path)).thenReturn(going.id());
					})
					.doOnError((failed) -> delete(path))
					.flatMap((id) -> imports.one(caller, id).zipWith(imports.problems(id)))
					.flatMap((found) -> ServerResponse.status(status(found.getT1().status()))
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(ImportView.of(found.getT1(), found.getT2(), locale))));
		})).onErrorResume(ErrorResponse::isRefusal, (refused) -> ErrorResponse.refusal(request.exchange(), refused).then(Mono.empty()));
	}

	private static HttpStatus status(String status) {
		return switch (status) {
			case "REFUSED" -> HttpStatus.UNPROCESSABLE_CONTENT;
			case "RUNNING" -> HttpStatus.ACCEPTED;
			default -> HttpStatus.OK;
		};
	}

	private static java.util.Optional<String> field(Part part) {
		return (part instanceof org.springframework.http.codec.multipart.FormFieldPart form) ? java.util.Optional.of(form.value())
				: java.util.Optional.empty();
	}

	private static void delete(Path path) {
		Schedulers.boundedElastic().schedule(() -> {
			try {
				Files.deleteIfExists(path);
			}
			catch (java.io.IOException ex) {
				// a temporary file left behind is removed with the others at the next start
			}
		});
	}

}
