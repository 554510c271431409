package org.junheng.imports;

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
 * The spreadsheet doors: {@code GET /templates/conditions.xlsx} (and {@code .csv}) and
 * {@code POST /imports/conditions} with the file as the {@code file} part and
 * {@code dryRun=true|false}, signed in with the same bearer tokens as the graph. The answer is the
 * import as JSON, 200 when it was checked or written, 422 when refused.
 */
@Configuration(proxyBeanMethods = false)
class ImportRoutes {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	@Bean
	RouterFunction<ServerResponse> spreadsheetRoutes(ConditionsImport conditions, Imports imports) {
		byte[] xlsx = ConditionsTemplate.xlsx();
		byte[] csv = ConditionsTemplate.csv();
		return RouterFunctions.route()
			.GET("/templates/conditions.xlsx", (request) -> file(xlsx, XLSX, "办学条件导入模板.xlsx"))
			.GET("/templates/conditions.csv", (request) -> file(csv, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
					"办学条件导入模板.csv"))
			.POST("/imports/conditions", (request) -> upload(request, conditions, imports))
			.build();
	}

	private static Mono<ServerResponse> file(byte[] bytes, MediaType type, String name) {
		return ServerResponse.ok().contentType(type)
			.header("Content-Disposition", ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build()
				.toString())
			.bodyValue(bytes);
	}

	private static Mono<ServerResponse> upload(ServerRequest request, ConditionsImport conditions, Imports imports) {
		Locale locale = Languages.of(request.headers().asHttpHeaders());
		return Caller.current().flatMap((caller) -> request.multipartData().flatMap((parts) -> {
			Part part = parts.getFirst("file");
			if (!(part instanceof FilePart file)) {
				return Mono.error(InvalidInputException.of("file", "import.noFilePart"));
			}
			boolean dryRun = request.queryParam("dryRun").or(() -> field(parts.getFirst("dryRun"))).map("true"::equalsIgnoreCase)
				.orElse(false);
			var scope = conditions.scope(caller);
			return Mono.fromCallable(() -> Files.createTempFile("junheng-import", ".upload"))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((path) -> file.transferTo(path)
					.then(conditions.run(caller, scope, path, file.filename(), dryRun))
					.flatMap((id) -> imports.one(caller, id).zipWith(imports.problems(id)))
					.flatMap((found) -> ServerResponse.status("REFUSED".equals(found.getT1().status()) ? HttpStatus.UNPROCESSABLE_CONTENT
							: HttpStatus.OK).contentType(MediaType.APPLICATION_JSON)
						.bodyValue(ImportView.of(found.getT1(), found.getT2(), locale)))
					.doFinally((signal) -> delete(path)));
		})).onErrorResume(ErrorResponse::isRefusal, (refused) -> ErrorResponse.refusal(request.exchange(), refused).then(Mono.empty()));
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
