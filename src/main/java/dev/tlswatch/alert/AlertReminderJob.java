package dev.tlswatch.alert;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job that queues reminders of long-open alerts; one at a time in the cluster.
 */
@DisallowConcurrentExecution
class AlertReminderJob extends QuartzJobBean {

	private static final Logger logger = LoggerFactory.getLogger(AlertReminderJob.class);

	private final AlertNotices notices;

	AlertReminderJob(AlertNotices notices) {
		this.notices = notices;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		try {
			int queued = this.notices.remind();
			logger.debug("Queued {} alert reminders", queued);
		}
		catch (RuntimeException ex) {
			// The next firing retries; reminders not queued stay due.
			logger.error("Queueing alert reminders failed", ex);
		}
	}

}
