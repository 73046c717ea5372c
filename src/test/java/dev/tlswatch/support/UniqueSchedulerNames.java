package dev.tlswatch.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives the Quartz scheduler of every test context a name of its own. Spring's
 * {@code LocalDataSourceJobStore} registers its data source in Quartz's JVM-wide
 * connection manager under the scheduler's name: with one name for all, every context's
 * scheduler would borrow connections from the context created last (and keep them), or
 * from a closed one once that context is closed. A test that starts another node of the
 * same cluster passes its name on.
 */
public final class UniqueSchedulerNames implements ContextCustomizerFactory {

	/** The Quartz property that names the scheduler, and the cluster. */
	public static final String PROPERTY = "spring.quartz.properties.org.quartz.scheduler.instanceName";

	private static final AtomicInteger contexts = new AtomicInteger();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/**
	 * Names the scheduler as the context is made; equal to every other, so that the
	 * context cache is not split by it.
	 */
	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("uniqueSchedulerName",
						Map.of(PROPERTY, "tlswatch-test-" + contexts.incrementAndGet())));
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
