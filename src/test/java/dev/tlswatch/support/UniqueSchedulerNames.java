package dev.tlswatch.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives the Quartz scheduler of every test context a name of its own
 * ({@link TestContextSetup} sets it). Spring's {@code LocalDataSourceJobStore} registers
 * its data source in Quartz's JVM-wide connection manager under the scheduler's name:
 * with one name for all, every context's scheduler would borrow connections from the
 * context created last (and keep them), or from a closed one once that context is closed.
 * A test that starts another node of the same cluster passes its name on.
 */
public final class UniqueSchedulerNames {

	/** The Quartz property that names the scheduler, and the cluster. */
	public static final String PROPERTY = "spring.quartz.properties.org.quartz.scheduler.instanceName";

	private static final AtomicInteger contexts = new AtomicInteger();

	private UniqueSchedulerNames() {
	}

	/**
	 * A scheduler name no other context of this JVM has.
	 * @return the name
	 */
	static String next() {
		return "tlswatch-test-" + contexts.incrementAndGet();
	}

}
