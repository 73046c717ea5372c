package dev.tlswatch.alert;

import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tlswatch.schedule.GuardedJob;

/**
 * The Quartz job that queues reminders of long-open alerts; one at a time in the cluster.
 * Reminders not queued by a failed firing stay due.
 */
@DisallowConcurrentExecution
class AlertReminderJob extends GuardedJob {

	private static final Logger logger = LoggerFactory.getLogger(AlertReminderJob.class);

	private final AlertNotices notices;

	AlertReminderJob(AlertNotices notices) {
		super("Queueing alert reminders");
		this.notices = notices;
	}

	@Override
	protected void run() {
		logger.debug("Queued {} alert reminders", this.notices.remind());
	}

}
