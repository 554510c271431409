package org.junheng.system;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.webflux.autoconfigure.ResourceHandlerRegistrationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The display's and GraphiQL's files carry an ETag made of their size and time, so a browser
 * revalidates them with a cheap 304 instead of loading them again (they are cached for
 * {@code spring.web.resources.cache.cachecontrol.max-age}); worked out once per file.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets {

	@Bean
	ResourceHandlerRegistrationCustomizer etags() {
		Map<String, String> tags = new ConcurrentHashMap<>();
		return (registration) -> registration.setEtagGenerator((resource) -> tags.computeIfAbsent(resource.getDescription(),
				(description) -> tag(resource)));
	}

	private static String tag(Resource resource) {
		try {
			return Long.toHexString(resource.contentLength()) + "-" + Long.toHexString(resource.lastModified());
		}
		catch (IOException ex) {
			return null;
		}
	}

}
