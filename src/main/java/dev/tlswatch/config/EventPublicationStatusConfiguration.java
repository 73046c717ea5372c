package dev.tlswatch.config;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.UUID;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.CompletionMode;
import org.springframework.util.ReflectionUtils;

/**
 * The event publication registry's table with less traffic: a publication is stored when
 * its event is published and deleted when its listener completes, nothing in between, and
 * the deletes go in batches.
 * <ul>
 * <li>No "processing" mark. Spring Modulith marks a publication as processing in a
 * transaction of its own before it calls the listener; that was one more statement and
 * one more transaction per listener, two of each per scan. The mark only tells an
 * unfinished publication whose listener has started from one whose listener has not: both
 * count as incomplete and are republished at the next start. The repository's contract
 * makes the mark optional.</li>
 * <li>Completions deleted in batches ({@link PublicationCompletions}), when completed
 * publications are deleted ({@code spring.modulith.events.completion-mode: delete}):
 * Spring Modulith deletes each one in a statement and a transaction of its own after the
 * listener's transaction, two more of each per scan.</li>
 * </ul>
 * Both rest on the same property of TLSWatch's listeners: they store a key first, so one
 * that runs twice changes nothing (docs/architecture.md, "The event chain").
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationStatusConfiguration {

	private static final Method MARK_PROCESSING = ReflectionUtils.findMethod(EventPublicationRepository.class,
			"markProcessing", UUID.class);

	private static final Method MARK_COMPLETED = ReflectionUtils.findMethod(EventPublicationRepository.class,
			"markCompleted", TargetEventPublication.class, Instant.class);

	private static final Method MARK_COMPLETED_BY_ID = ReflectionUtils.findMethod(EventPublicationRepository.class,
			"markCompleted", UUID.class, Instant.class);

	@Bean
	static RegistryRepositoryProcessor registryRepositoryProcessor() {
		return new RegistryRepositoryProcessor();
	}

	/**
	 * The repository with {@link EventPublicationRepository#markProcessing} doing
	 * nothing, as the interface's default does, and with completions handed to the given
	 * batches when there are any; every other call goes to the repository.
	 * @param repository the registry's repository
	 * @param completions the batched deletes, {@code null} to complete as the repository
	 * does
	 * @return the wrapped repository
	 */
	static EventPublicationRepository wrap(EventPublicationRepository repository,
			@Nullable PublicationCompletions completions) {
		ProxyFactory factory = new ProxyFactory();
		factory.setTarget(repository);
		factory.addInterface(EventPublicationRepository.class);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			Method method = invocation.getMethod();
			if (MARK_PROCESSING.equals(method)) {
				return null;
			}
			if (completions != null && MARK_COMPLETED.equals(method)) {
				completions.complete(((TargetEventPublication) invocation.getArguments()[0]).getIdentifier());
				return null;
			}
			if (completions != null && MARK_COMPLETED_BY_ID.equals(method)) {
				completions.complete((UUID) invocation.getArguments()[0]);
				return null;
			}
			return invocation.proceed();
		});
		return (EventPublicationRepository) factory.getProxy(EventPublicationRepository.class.getClassLoader());
	}

	/**
	 * Wraps the registry's repository; runs the batched deletes of its completions while
	 * the application runs.
	 */
	static final class RegistryRepositoryProcessor implements BeanPostProcessor, SmartLifecycle, EnvironmentAware {

		private boolean deleteOnCompletion;

		private volatile @Nullable PublicationCompletions completions;

		@Override
		public void setEnvironment(Environment environment) {
			this.deleteOnCompletion = CompletionMode.from(environment) == CompletionMode.DELETE;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof EventPublicationRepository repository)) {
				return bean;
			}
			PublicationCompletions batches = this.deleteOnCompletion ? new PublicationCompletions(repository) : null;
			this.completions = batches;
			return wrap(repository, batches);
		}

		@Override
		public void start() {
			PublicationCompletions batches = this.completions;
			if (batches != null) {
				batches.start();
			}
		}

		@Override
		public void stop() {
			PublicationCompletions batches = this.completions;
			if (batches != null) {
				batches.stop();
			}
		}

		@Override
		public boolean isRunning() {
			PublicationCompletions batches = this.completions;
			return batches != null && batches.isRunning();
		}

		@Override
		public int getPhase() {
			return PublicationCompletions.PHASE;
		}

	}

}
