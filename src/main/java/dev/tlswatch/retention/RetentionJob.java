package dev.tlswatch.retention;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The clustered retention job: one node at a time runs it.
 */
@DisallowConcurrentExecution
class RetentionJob extends QuartzJobBean {

	private static final Logger logger = LoggerFactory.getLogger(RetentionJob.class);

	private final Retention retention;

	RetentionJob(Retention retention) {
		this.retention = retention;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		try {
			this.retention.runNow();
		}
		catch (RuntimeException ex) {
			// The next firing tries again; whatever was deleted so far stays deleted.
			logger.error("Retention run failed", ex);
		}
	}

}
