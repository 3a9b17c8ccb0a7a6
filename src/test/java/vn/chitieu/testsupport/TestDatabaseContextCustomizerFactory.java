package vn.chitieu.testsupport;

import java.util.HashMap;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every Spring test context at {@link TestDatabase}, switches off the
 * application's own embedded database, and asks for the sample district (loaded once into
 * the test database). Registered in {@code META-INF/spring.factories}; a test's own
 * properties win.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		/**
		 * The property sources of a test's own properties: {@code @DynamicPropertySource}
		 * values first, then inlined ones (Spring's order).
		 */
		private static final List<String> TEST_SOURCES = List.of("Dynamic Test Properties",
				TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			var values = new HashMap<String, Object>(TestDatabase.properties());
			values.put("chitieu.embedded-db.enabled", "false");
			values.put("chitieu.sample-data", "true");
			// Spring keeps every test context open until the run ends, each with its
			// pool;
			// idle connections are closed so that a dozen contexts stay well under the
			// server's max_connections.
			values.put("spring.datasource.hikari.minimum-idle", "1");
			values.put("spring.datasource.hikari.idle-timeout", "10000");
			// Backups of the test database go under target/, never into the working tree.
			values.put("chitieu.backup.directory", "target/test-backups");
			values.put("chitieu.backup.schedule", "-");
			// Above application.yaml, below the test's own properties (inlined or
			// dynamic).
			var sources = context.getEnvironment().getPropertySources();
			var source = new MapPropertySource("testDatabase", values);
			String lowest = null;
			for (var name : TEST_SOURCES) {
				if (sources.contains(name)) {
					lowest = name;
				}
			}
			if (lowest != null) {
				sources.addAfter(lowest, source);
			}
			else {
				sources.addFirst(source);
			}
			// MockMvc's sessions stand for session cookies (MockMvcSessions).
			context.getBeanFactory().registerSingleton("mockMvcSessions", new MockMvcSessions(context));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
