package org.junheng;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/** The test's {@code WebTestClient}, and so its {@code HttpGraphQlTester}, sends a national ADMIN's token. */
public class SignedInAsAdmin {

	@Bean
	WebTestClientBuilderCustomizer adminToken() {
		return (builder) -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.admin()));
	}

}
