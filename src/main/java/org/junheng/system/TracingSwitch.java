package org.junheng.system;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Traces are recorded only where they go somewhere: with an OTLP endpoint set
 * ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}) every request is sampled, with
 * none tracing is off, so a server that exports no traces pays nothing for them. Explicit
 * {@code management.tracing.*} settings win: these are defaults, added last.
 */
class TracingSwitch implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean exported = !environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint", "").isBlank();
		Map<String, Object> defaults = new HashMap<>();
		// Unexported, tracing is switched off whole: even unsampled, its handlers and context
		// propagation cost every request (measured: a third of the plan query's throughput).
		defaults.put("management.tracing.enabled", String.valueOf(exported));
		defaults.put("management.tracing.sampling.probability", exported ? "1.0" : "0.0");
		environment.getPropertySources().addLast(new MapPropertySource("junheng-tracing", defaults));
	}

	@Override
	public int getOrder() {
		// After the configuration files are read, so that what they say counts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
