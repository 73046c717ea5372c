package dev.tlswatch.support;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What every test application context needs before it starts, in one customizer (listed
 * in {@code META-INF/spring.factories}): a Quartz scheduler name of its own
 * ({@link UniqueSchedulerNames}), the JVM's SMTP port for {@code spring.mail.port}
 * ({@link TestSmtp}) and the test CA's trust bundle written to the file the test profile
 * names ({@link TestTrustBundle}). The customizer is equal to every other, so that it
 * never splits the context cache.
 */
public final class TestContextSetup implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			sources.addFirst(new MapPropertySource("uniqueSchedulerName",
					Map.of(UniqueSchedulerNames.PROPERTY, UniqueSchedulerNames.next())));
			sources.addLast(new MapPropertySource("testSmtpPort", Map.of(TestSmtp.PORT_PROPERTY, TestSmtp.PORT)));
			TestTrustBundle.ca();
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
