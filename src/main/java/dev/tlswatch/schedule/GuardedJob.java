package dev.tlswatch.schedule;

import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * A repeating job whose failed firing is logged and left to the next firing: the trigger
 * stays, and nothing done so far is undone. Subclasses carry
 * {@link org.quartz.DisallowConcurrentExecution} themselves when one node at a time may
 * run them.
 */
public abstract class GuardedJob extends QuartzJobBean {

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final String what;

	/**
	 * @param what what a firing does, for the log ("Draining the notification outbox")
	 */
	protected GuardedJob(String what) {
		this.what = what;
	}

	/**
	 * Does the work of one firing.
	 */
	protected abstract void run();

	@Override
	protected final void executeInternal(JobExecutionContext context) {
		try {
			run();
		}
		catch (RuntimeException ex) {
			this.logger.error("{} failed; the next firing tries again", this.what, ex);
		}
	}

}
