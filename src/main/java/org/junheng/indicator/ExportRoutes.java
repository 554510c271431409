package org.junheng.indicator;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.junheng.security.Caller;
import org.junheng.system.ErrorResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /report?region=CODE&schoolYear=YEAR}, the self-assessment report laid out for A4, and
 * {@code GET /exports/balance.xlsx?region=CODE&schoolYear=YEAR} (and {@code .csv}): the inspection
 * workbook, with the same bearer tokens and scope as the graph. A bad argument is a 400, a region
 * that does not exist a 404, a caller who may read no school data 401 or 403, each with a
 * GraphQL-shaped error.
 */
@Configuration(proxyBeanMethods = false)
class ExportRoutes {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	@Bean
	RouterFunction<ServerResponse> reportRoutes(BalanceExport export) {
		// The printable self-assessment report: a page that reads the graph, like the wall display.
		ClassPathResource report = new ClassPathResource("static/report/index.html");
		return RouterFunctions.route()
			.GET("/report", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(report))
			.GET("/exports/balance.xlsx", (request) -> respond(request, export::workbook, XLSX, "xlsx"))
			.GET("/exports/balance.csv", (request) -> respond(request, export::csv, new MediaType("text", "csv", StandardCharsets.UTF_8),
					"csv"))
			.build();
	}

	interface Export {

		Mono<byte[]> of(Caller caller, String region, Integer schoolYear);

	}

	private static Mono<ServerResponse> respond(ServerRequest request, Export export, MediaType type, String extension) {
		String region = request.queryParam("region").orElse(null);
		Integer year = request.queryParam("schoolYear").filter((y) -> y.matches("[0-9]{1,9}")).map(Integer::valueOf).orElse(null);
		return Caller.current()
			.flatMap((caller) -> Mono.defer(() -> export.of(caller, region, year)))
			.flatMap((bytes) -> ServerResponse.ok().contentType(type)
				.header("Content-Disposition", ContentDisposition.attachment()
					.filename("均衡评估_" + region + "_" + year + "." + extension, StandardCharsets.UTF_8).build().toString())
				.bodyValue(bytes))
			// The response is written there; the handler answers nothing more.
			.onErrorResume(ErrorResponse::isRefusal, (refused) -> ErrorResponse.refusal(request.exchange(), refused).then(Mono.empty()));
	}

}
