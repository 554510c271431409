package org.junheng;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol: open a page, evaluate
 * JavaScript in it. Enough to assert what a user would see, with no browser download.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final Path BINARY = Path.of("/usr/bin/chromium");

	private final Process process;

	private final Path profile;

	private final WebSocket devTools;

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new java.util.concurrent.ConcurrentHashMap<>();

	private HeadlessChromium(Process process, Path profile, String pageSocket) {
		this.process = process;
		this.profile = profile;
		StringBuilder partial = new StringBuilder();
		this.devTools = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
				partial.append(data);
				if (last) {
					JsonNode message = HeadlessChromium.this.json.readTree(partial.toString());
					partial.setLength(0);
					if (message.has("id")) {
						CompletableFuture<JsonNode> reply = HeadlessChromium.this.pending.remove(message.get("id").asInt());
						if (reply != null) {
							reply.complete(message);
						}
					}
				}
				socket.request(1);
				return null;
			}
		}).join();
	}

	public static HeadlessChromium open(String url) throws Exception {
		return open(url, 1280, 900);
	}

	/** A browser window of the size, its page at the URL. */
	public static HeadlessChromium open(String url, int width, int height) throws Exception {
		Path profile = Files.createTempDirectory("junheng-chromium");
		Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=" + width + "," + height,
				"--hide-scrollbars", url)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		Path portFile = profile.resolve("DevToolsActivePort");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				process.destroyForcibly();
				throw new IOException("Chromium did not start its DevTools endpoint");
			}
			Thread.sleep(100);
		}
		String port = Files.readAllLines(portFile).get(0).strip();
		HttpResponse<String> targets = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode list = JsonMapper.builder().build().readTree(targets.body());
		for (JsonNode target : list) {
			if ("page".equals(target.get("type").asString())) {
				return new HeadlessChromium(process, profile, target.get("webSocketDebuggerUrl").asString());
			}
		}
		process.destroyForcibly();
		throw new IOException("Chromium opened no page");
	}

	/** The value of a JavaScript expression in the page, as text. */
	public String evaluate(String expression) throws Exception {
		JsonNode result = send("Runtime.evaluate", Map.of("expression", "String(" + expression + ")", "returnByValue", true));
		return result.at("/result/result/value").asString();
	}

	/**
	 * Makes the page's viewport this size, as a screen of it would (a phone: mobile, with touch),
	 * and loads the URL again in it.
	 */
	public void viewport(int width, int height, boolean mobile, String url) throws Exception {
		send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
		send("Page.navigate", Map.of("url", url));
	}

	/** What the page shows now, as a PNG file. */
	public void screenshot(Path file) throws Exception {
		JsonNode result = send("Page.captureScreenshot", Map.of("format", "png"));
		Files.createDirectories(file.getParent());
		Files.write(file, java.util.Base64.getDecoder().decode(result.at("/result/data").asString()));
	}

	/** The page printed to PDF as Chromium's print dialog would, with its own CSS page size and margins. */
	public byte[] pdf() throws Exception {
		JsonNode result = send("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
		return java.util.Base64.getDecoder().decode(result.at("/result/data").asString());
	}

	private JsonNode send(String method, Map<String, Object> params) throws Exception {
		int id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> reply = new CompletableFuture<>();
		this.pending.put(id, reply);
		this.devTools.sendText(this.json.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
		return reply.get(20, TimeUnit.SECONDS);
	}

	/** Waits until the expression's value satisfies the check; returns how long that took. */
	public Duration await(String expression, java.util.function.Predicate<String> check, Duration limit) throws Exception {
		long start = System.nanoTime();
		String last = null;
		while (System.nanoTime() - start < limit.toNanos()) {
			last = evaluate(expression);
			if (check.test(last)) {
				return Duration.ofNanos(System.nanoTime() - start);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The page never showed what was expected; last saw: " + last);
	}

	@Override
	public void close() throws IOException {
		this.devTools.abort();
		// Chromium's helper processes keep writing to the profile after the browser process ends.
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroy();
		try {
			this.process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.destroyForcibly();
		try (var files = Files.walk(this.profile)) {
			for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			// a profile left in /tmp is harmless
		}
	}


}
