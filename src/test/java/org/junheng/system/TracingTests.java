package org.junheng.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.junheng.ServerInstance;
import org.junheng.Tokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces are off until an OTLP endpoint is set, and then every request is traced and exported:
 * here to a stand-in collector on loopback that records what it is sent.
 */
class TracingTests {

	@Test
	void requestsAreExportedOverOtlpOnceAnEndpointIsSet() throws Exception {
		LinkedBlockingQueue<byte[]> exported = new LinkedBlockingQueue<>();
		HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/traces", (exchange) -> {
			exported.add(exchange.getRequestBody().readAllBytes());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		try (ServerInstance server = ServerInstance.onTestDatabase(Map.of(
				"management.opentelemetry.tracing.export.otlp.endpoint",
				"http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces",
				"otel.bsp.schedule.delay", "200"))) {
			org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + server.port()).responseTimeout(Duration.ofSeconds(10))
				.build()
				.post().uri("/graphql").header("Authorization", Tokens.bearer(Tokens.admin()))
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ indicatorDefinitions { code } }\"}")
				.exchange().expectStatus().isOk();
			byte[] spans = exported.poll(20, TimeUnit.SECONDS);
			assertThat(spans).as("an OTLP export").isNotNull();
			// The protobuf carries the span names as text: the HTTP exchange and the GraphQL request.
			assertThat(new String(spans, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("junheng").contains("graphql");
		}
		finally {
			collector.stop(0);
		}
	}

	@Test
	void withoutAnEndpointNothingIsTraced() throws IOException {
		try (ServerInstance server = ServerInstance.onTestDatabase(Map.of())) {
			// No handler turns observations into spans: not even unsampled ones are made.
			assertThat(server.beanNames(io.micrometer.tracing.handler.TracingObservationHandler.class)).isEmpty();
			// Nor is the current span looked up for every metric recorded (Prometheus exemplars).
			assertThat(server.beanNames(io.prometheus.metrics.tracer.common.SpanContext.class)).isEmpty();
		}
	}

}
