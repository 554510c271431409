package org.junheng.system;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Traces are recorded only where they go somewhere: with an OTLP endpoint set
 * ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}) every request is sampled, with
 * none nothing is, so a server that exports no traces pays nothing for spans (one per field).
 * An explicit {@code management.tracing.sampling.probability} wins.
 */
class TracingSwitch implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("management.tracing.sampling.probability")) {
			return;
		}
		boolean exported = !environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint", "").isBlank();
		environment.getPropertySources().addLast(new MapPropertySource("junheng-tracing",
				Map.of("management.tracing.sampling.probability", exported ? "1.0" : "0.0")));
	}

	@Override
	public int getOrder() {
		// After the configuration files are read, so that what they say counts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
