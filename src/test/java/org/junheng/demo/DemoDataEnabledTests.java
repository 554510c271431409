package org.junheng.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo data is on by default only for the embedded database, and always as configured. */
class DemoDataEnabledTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Demo.class);

	@Test
	void embeddedDatabaseGetsDemoDataByDefault() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(Demo.class));
	}

	@Test
	void externalDatabaseStartsEmptyUnlessAsked() {
		this.contexts.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://db/junheng")
			.run((context) -> assertThat(context).doesNotHaveBean(Demo.class));
		this.contexts.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://db/junheng", "junheng.demo-data=true")
			.run((context) -> assertThat(context).hasSingleBean(Demo.class));
	}

	@Test
	void demoDataCanBeTurnedOff() {
		this.contexts.withPropertyValues("junheng.demo-data=false").run((context) -> assertThat(context).doesNotHaveBean(Demo.class));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DemoDataEnabled.class)
	static class Demo {

	}

}
