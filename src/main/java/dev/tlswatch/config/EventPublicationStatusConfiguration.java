package dev.tlswatch.config;

import java.lang.reflect.Method;
import java.util.UUID;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.util.ReflectionUtils;

/**
 * The event publication registry's table without the "processing" mark: a publication is
 * stored when its event is published and deleted when its listener completes, nothing in
 * between. Spring Modulith marks a publication as processing in a transaction of its own
 * before it calls the listener; that was one more statement and one more transaction per
 * listener, two of each per scan. The mark only tells an unfinished publication whose
 * listener has started from one whose listener has not: both count as incomplete, are
 * republished at the next start and can be resubmitted, and TLSWatch's listeners store a
 * key first, so one that runs twice changes nothing (docs/architecture.md, "The event
 * chain"). The repository's contract makes the mark optional.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationStatusConfiguration {

	private static final Method MARK_PROCESSING = ReflectionUtils.findMethod(EventPublicationRepository.class,
			"markProcessing", UUID.class);

	@Bean
	static BeanPostProcessor publicationsWithoutProcessingMark() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof EventPublicationRepository repository) ? withoutProcessingMark(repository)
						: bean;
			}

		};
	}

	/**
	 * The repository with {@link EventPublicationRepository#markProcessing} doing
	 * nothing, as the interface's default does; every other call goes to the repository.
	 * @param repository the registry's repository
	 * @return the same repository without the mark
	 */
	static EventPublicationRepository withoutProcessingMark(EventPublicationRepository repository) {
		ProxyFactory factory = new ProxyFactory();
		factory.setTarget(repository);
		factory.addInterface(EventPublicationRepository.class);
		factory.addAdvice((MethodInterceptor) (invocation) -> MARK_PROCESSING.equals(invocation.getMethod()) ? null
				: invocation.proceed());
		return (EventPublicationRepository) factory.getProxy(EventPublicationRepository.class.getClassLoader());
	}

}
