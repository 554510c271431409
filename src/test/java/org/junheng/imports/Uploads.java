package org.junheng.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junheng.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Uploading a sheet as a browser does, and reading the answer's problems, for the import tests. */
final class Uploads {

	static final MediaType MULTIPART = MediaType.parseMediaType("multipart/form-data; boundary=junheng-test-boundary");

	private Uploads() {
	}

	/** The form a browser sends, written out (the test client would draw its boundary from /dev/urandom on its event loop). */
	static byte[] multipart(byte[] file, String name, boolean dryRun) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--junheng-test-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--junheng-test-boundary\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\n" + dryRun
				+ "\r\n--junheng-test-boundary--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** A client of the server on this port, signed in with the token (none: anonymous). */
	static WebTestClient web(int port, String token) {
		WebTestClient.Builder client = org.junheng.OwnConnection.to(port);
		return ((token != null) ? client.defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(token)) : client).build();
	}

	/** Like {@link #web}, on a connection of its own: for a body the server refuses unread ({@link org.junheng.OwnConnection}). */
	static WebTestClient ownConnection(int port, String token) {
		return org.junheng.OwnConnection.to(port).defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(token)).build();
	}

	/** Uploads the file to {@code path} and expects the status; the import as the server answered it. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> upload(int port, String path, String token, byte[] file, String name, boolean dryRun, int status) {
		return web(port, token).post().uri(path).contentType(MULTIPART).bodyValue(multipart(file, name, dryRun)).exchange()
			.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static List<String> messages(Map<String, Object> result) {
		return ((List<Map<String, Object>>) result.get("problems")).stream().map((p) -> (String) p.get("message")).toList();
	}

}
