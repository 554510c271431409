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
 * none tracing is off, so a server that exports no traces pays nothing for them. Boot 4 has no
 * switch for that ({@code management.tracing.export.enabled} stops the export only: every
 * observation still opens an unsampled span), so without an endpoint the auto-configuration
 * that turns observations into spans is left out. Explicit settings win: these are defaults,
 * added last (a {@code spring.autoconfigure.exclude} of one's own replaces this one).
 */
class TracingSwitch implements EnvironmentPostProcessor, Ordered {

	private static final String AUTOCONFIGURE = "org.springframework.boot.micrometer.tracing.autoconfigure.";

	/**
	 * What turns observations into spans, and what looks up the current span for every metric
	 * recorded (Prometheus and OTLP exemplars). Without spans an exemplar has nothing to name, and
	 * the Prometheus one takes a lock on its first lookups, on whichever event-loop thread records
	 * a metric first.
	 */
	private static final String TRACING = AUTOCONFIGURE + "MicrometerTracingAutoConfiguration,"
			+ AUTOCONFIGURE + "prometheus.PrometheusExemplarsAutoConfiguration,"
			+ AUTOCONFIGURE + "otlp.OtlpExemplarsAutoConfiguration";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean exported = !environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint", "").isBlank();
		Map<String, Object> defaults = new HashMap<>();
		// Unexported, tracing is switched off whole: even unsampled, its spans cost every request
		// and a subscription holds six of them for its whole life.
		if (!exported) {
			defaults.put("spring.autoconfigure.exclude", TRACING);
		}
		defaults.put("management.tracing.sampling.probability", exported ? "1.0" : "0.0");
		environment.getPropertySources().addLast(new MapPropertySource("junheng-tracing", defaults));
	}

	@Override
	public int getOrder() {
		// After the configuration files are read, so that what they say counts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
