package org.junheng;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * The test's {@code WebTestClient}, and so its {@code HttpGraphQlTester}, sends a national ADMIN's
 * token, each request on a connection of its own: no test's request can land on a connection an
 * earlier test left half-read (see {@link OwnConnection}).
 */
public class SignedInAsAdmin {

	@Bean
	WebTestClientBuilderCustomizer adminToken() {
		return (builder) -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.admin()))
			.clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
					reactor.netty.http.client.HttpClient.newConnection()));
	}

}
