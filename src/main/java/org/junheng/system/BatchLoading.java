package org.junheng.system;

import java.util.Map;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * How the batch loaders behind {@code @BatchMapping} become a request's DataLoaders.
 * <ul>
 * <li>They batch but do not cache. A subscription is one request that runs an execution per
 * event, all day long, with one set of DataLoaders: a value cached for the first event (a
 * milestone's plan or target) would be served, stale, for every later one. Within a query,
 * batching already loads each key once per level.</li>
 * <li>A request given an {@link OnDemandDataLoaders} (every GraphQL request, see
 * {@link DataLoaderDispatch}) gets its loaders made when a field first asks for one, from
 * templates made once; any other registry is filled up front, as Spring for GraphQL does.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BatchLoading {

	@Bean
	BatchLoaderRegistry batchLoaderRegistry() {
		return new DefaultBatchLoaderRegistry(() -> DataLoaderOptions.newOptions().setCachingEnabled(false).build()) {

			private volatile Map<String, DataLoader<?, ?>> templates;

			@Override
			public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
				if (registry instanceof OnDemandDataLoaders onDemand) {
					onDemand.serve(templates(), context);
				}
				else {
					super.registerDataLoaders(registry, context);
				}
			}

			private Map<String, DataLoader<?, ?>> templates() {
				Map<String, DataLoader<?, ?>> made = this.templates;
				if (made == null) {
					// Registrations are complete once the schema is wired, before the first request.
					DataLoaderRegistry all = new DataLoaderRegistry();
					super.registerDataLoaders(all, GraphQLContext.getDefault());
					made = Map.copyOf(all.getDataLoadersMap());
					this.templates = made;
				}
				return made;
			}
		};
	}

}
