package org.junheng;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points every Spring test context at the {@link TestDatabase}, so no test can forget to. */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
		return new TestDatabaseCustomizer();
	}

	private static final class TestDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("junheng-test-database", TestDatabase.properties()));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseCustomizer.class.hashCode();
		}

	}

}
