package org.junheng.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.node}: any object by its global ID, answered by the feature that owns its type. */
@Controller
class NodeController {

	private final Map<String, NodeResolver> resolvers;

	NodeController(List<NodeResolver> resolvers) {
		this.resolvers = resolvers.stream().collect(Collectors.toMap(NodeResolver::type, Function.identity()));
	}

	@QueryMapping
	Mono<?> node(@Argument String id, graphql.schema.DataFetchingEnvironment env) {
		GlobalId globalId = GlobalId.parse(id);
		NodeResolver resolver = (globalId != null) ? this.resolvers.get(globalId.type()) : null;
		if (resolver == null) {
			return Mono.error(InvalidInputException.of("id", "check.junhengId"));
		}
		return resolver.find(globalId.key(), env.getGraphQlContext());
	}

}
