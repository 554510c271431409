package org.junheng;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A test client on a connection of its own, closed after its request, for requests the server
 * refuses before reading their whole body (413). Junheng answers those at once and leaves the
 * connection open, reading on to the declared end of the body; a pooled client that stopped
 * sending at the answer would hand that connection to the next test, whose request the server
 * would then take for the rest of the body, and that test would hang until its timeout. Every
 * test client is built here, so that no test depends on what another left in a pool.
 */
public final class OwnConnection {

	private OwnConnection() {
	}

	public static WebTestClient.Builder to(int port) {
		return bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60));
	}

	/** {@code org.junheng.OwnConnection.bindToServer()} on connections of its own, one a request; what every test uses. */
	public static WebTestClient.Builder bindToServer() {
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()));
	}

}
