package org.junheng.system;

import java.util.Map;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;

/**
 * One request's DataLoaders, each made the first time a field asks for it. Spring for GraphQL
 * makes every registered loader for every request up front (46 of them, and the observation
 * instrumentation copies each once more); a query touches two or three, and a subscription kept
 * all of them for its whole life, which was most of an idle subscriber's heap. Dispatching goes
 * over the loaders made so far only, which are the only ones that can hold a pending load.
 */
final class OnDemandDataLoaders extends DataLoaderRegistry {

	private volatile Map<String, DataLoader<?, ?>> templates = Map.of();

	private volatile GraphQLContext context;

	private volatile DataLoaderInstrumentation instrumentation;

	/** The loaders this request may ask for (made without a context) and the context they load in. */
	void serve(Map<String, DataLoader<?, ?>> templates, GraphQLContext context) {
		this.templates = templates;
		this.context = context;
	}

	/** The instrumentation every loader made from now on carries (the observation of batch loads). */
	void instrument(DataLoaderInstrumentation instrumentation) {
		this.instrumentation = instrumentation;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <K, V> DataLoader<K, V> getDataLoader(String key) {
		DataLoader<?, ?> made = this.dataLoaders.get(key);
		if (made != null) {
			return (DataLoader<K, V>) made;
		}
		DataLoader<?, ?> template = this.templates.get(key);
		return (template != null) ? (DataLoader<K, V>) this.dataLoaders.computeIfAbsent(key, (name) -> make(template)) : null;
	}

	private DataLoader<?, ?> make(DataLoader<?, ?> template) {
		GraphQLContext loadingContext = this.context;
		DataLoaderInstrumentation observed = this.instrumentation;
		DataLoaderOptions options = template.getOptions().transform((builder) -> {
			builder.setBatchLoaderContextProvider(() -> loadingContext);
			if (observed != null) {
				builder.setInstrumentation(observed);
			}
		});
		return template.transform((builder) -> builder.options(options));
	}

}
