package org.junheng.planner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /proposal?region=CODE&year=YEAR}: the planner's proposal beside the county as it is,
 * for a wall screen or a meeting; a page that asks the graph, with a PLANNER's or ADMIN's token in
 * its fragment.
 */
@Configuration(proxyBeanMethods = false)
class ProposalPage {

	@Bean
	RouterFunction<ServerResponse> proposalPageRoute() {
		ClassPathResource page = new ClassPathResource("static/proposal/index.html");
		return RouterFunctions.route().GET("/proposal", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.build();
	}

}
