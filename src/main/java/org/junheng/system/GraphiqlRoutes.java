package org.junheng.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL at {@code /graphiql}, with every script and style served by Junheng itself from
 * {@code static/graphiql/}: bureau networks often have no internet, so nothing may come from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class GraphiqlRoutes {

	@Bean
	RouterFunction<ServerResponse> graphiqlRoute() {
		ClassPathResource page = new ClassPathResource("static/graphiql/index.html");
		return RouterFunctions.route(RequestPredicates.GET("/graphiql").or(RequestPredicates.GET("/graphiql/")),
				(request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
	}

}
