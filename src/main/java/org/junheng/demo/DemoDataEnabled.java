package org.junheng.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Demo data is on when {@code junheng.demo-data} (env {@code JUNHENG_DEMO_DATA}) says so, and by
 * default only for the embedded database: a server pointed at a real database starts empty
 * unless asked.
 */
class DemoDataEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		boolean embedded = environment.getProperty("spring.r2dbc.url", "").isEmpty();
		return environment.getProperty("junheng.demo-data", Boolean.class, embedded);
	}

}
