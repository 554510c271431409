package org.junheng.system;

import org.dataloader.DataLoaderOptions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * DataLoaders batch but do not cache. A subscription is one request that runs an execution per
 * event, all day long, with one set of DataLoaders: a value cached for the first event (a
 * milestone's plan or target) would be served, stale, for every later one. Within a query,
 * batching already loads each key once per level.
 */
@Configuration(proxyBeanMethods = false)
class BatchLoading {

	@Bean
	BatchLoaderRegistry batchLoaderRegistry() {
		return new DefaultBatchLoaderRegistry(() -> DataLoaderOptions.newOptions().setCachingEnabled(false).build());
	}

}
