package dev.tlswatch.support;

import java.util.List;

import dev.tlswatch.finding.Findings;
import dev.tlswatch.scan.Scans;
import org.mockito.Mockito;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Lets the whole application start while a module's API is used before its implementation
 * is merged (the API controllers use {@link Scans} and {@link Findings}). For each listed
 * interface that no bean implements, a Mockito mock stands in; where a bean or a
 * {@code @MockitoBean} exists, this does nothing. Remove an interface from
 * {@link #MODULE_APIS} once its module is merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MissingModuleStandIns {

	static final List<Class<?>> MODULE_APIS = List.of(Scans.class, Findings.class);

	@Bean
	static BeanFactoryPostProcessor missingModuleStandInsRegistrar() {
		return new Registrar();
	}

	/**
	 * Runs last, after {@code @MockitoBean} has added its definitions.
	 */
	static final class Registrar implements BeanFactoryPostProcessor, Ordered {

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			for (Class<?> api : MODULE_APIS) {
				if (beanFactory.getBeanNamesForType(api, true, false).length == 0) {
					beanFactory.registerSingleton("standIn" + api.getSimpleName(), Mockito.mock(api));
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
