package org.junheng.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.junheng.HeadlessChromium;
import org.junheng.ServerInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A frontend served from another origin, in a real browser: a page on {@code localhost:<port>}
 * calls the API on {@code 127.0.0.1:<port>} with a POST (which the browser preflights), opens an
 * SSE stream and a graphql-transport-ws connection. From the configured origin all three work;
 * the same page from an origin nobody configured gets none of them.
 */
class CrossOriginBrowserTests {

	private static final String PAGE = """
			<!doctype html><meta charset="utf-8"><title>dashboard</title>
			<script>
			const api = new URL(location.search.substring(1));
			window.results = {};
			const post = (accept, body) => fetch(api, { method: 'POST', body: JSON.stringify(body),
			  headers: { 'Content-Type': 'application/json', 'Accept': accept } });
			post('application/json', { query: '{ region(code: "511921") { code } }' })
			  .then((r) => r.json()).then((j) => results.post = j.data.region ? 'answered' : 'empty')
			  .catch(() => results.post = 'blocked');
			const stream = new AbortController();
			fetch(api, { method: 'POST', signal: stream.signal, body: JSON.stringify({ query: 'subscription { milestoneUpdates { cursor } }' }),
			    headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' } })
			  .then((r) => { results.sse = r.headers.get('content-type').startsWith('text/event-stream') ? 'open' : ('other ' + r.status + ' ' + r.headers.get('content-type')); stream.abort(); })
			  .catch(() => results.sse = results.sse || 'blocked');
			const socket = new WebSocket(api.href.replace('http', 'ws'), 'graphql-transport-ws');
			socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
			socket.onmessage = (m) => { results.websocket = JSON.parse(m.data).type; socket.close(); };
			socket.onerror = () => results.websocket = results.websocket || 'blocked';
			</script>""";

	@Test
	void aFrontendOnAConfiguredOriginCallsTheApiOverEveryTransportAndAnotherCannot() throws Exception {
		assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Debian's chromium is not installed (apt-get install chromium)");
		HttpServer allowed = page();
		HttpServer other = page();
		try (ServerInstance server = ServerInstance.onTestDatabase(Map.of("junheng.cors.allowed-origins",
				"http://localhost:" + allowed.getAddress().getPort(), "junheng.demo-data", "true"))) {
			String api = "http://127.0.0.1:" + server.port() + "/graphql";
			try (HeadlessChromium browser = HeadlessChromium.open("http://localhost:" + allowed.getAddress().getPort() + "/?" + api)) {
				browser.await("Object.keys(window.results || {}).length", "3"::equals, Duration.ofSeconds(20));
				assertThat(browser.evaluate("JSON.stringify(window.results)")).contains("\"post\":\"answered\"")
					.contains("\"sse\":\"open\"").contains("\"websocket\":\"connection_ack\"");
			}
			try (HeadlessChromium browser = HeadlessChromium.open("http://localhost:" + other.getAddress().getPort() + "/?" + api)) {
				browser.await("Object.keys(window.results || {}).length", "3"::equals, Duration.ofSeconds(20));
				assertThat(browser.evaluate("JSON.stringify(window.results)")).contains("\"post\":\"blocked\"")
					.contains("\"sse\":\"blocked\"").contains("\"websocket\":\"blocked\"");
			}
		}
		finally {
			allowed.stop(0);
			other.stop(0);
		}
	}

	/** The dashboard page, from a server of its own on loopback: an origin of its own. */
	private static HttpServer page() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

}
