package org.junheng.system;

import java.util.List;

import graphql.TrivialDataFetcher;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every {@code id} field of the graph: the global ID of the object's type and key. A trivial data
 * fetcher computes it in place, where a controller method per type would cost a reflective call
 * for every object of every page.
 */
@Component
class GlobalIdWiring implements RuntimeWiringConfigurer {

	private final List<NodeResolver> resolvers;

	GlobalIdWiring(List<NodeResolver> resolvers) {
		this.resolvers = resolvers;
	}

	@Override
	public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
		for (NodeResolver resolver : this.resolvers) {
			TrivialDataFetcher<String> id = (env) -> GlobalId.of(resolver.type(), resolver.keyOf(env.getSource()));
			wiring.type(resolver.type(), (type) -> type.dataFetcher("id", id));
		}
	}

}
