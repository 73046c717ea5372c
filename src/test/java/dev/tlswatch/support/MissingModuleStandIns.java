package dev.tlswatch.support;

import dev.tlswatch.notify.Notifier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Registers stand-ins for module APIs that have no implementation in this build yet (so
 * far: {@link Notifier}, as a {@link RecordingNotifier}). Runs after component scanning,
 * so a real implementation always wins and this adds nothing.
 */
public class MissingModuleStandIns implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		if (registry instanceof ConfigurableListableBeanFactory beans
				&& beans.getBeanNamesForType(Notifier.class, true, false).length == 0) {
			registry.registerBeanDefinition("standInNotifier", new RootBeanDefinition(RecordingNotifier.class));
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

}
