package dev.tlswatch.alert;

import java.time.Clock;
import java.time.LocalDate;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job that queues the daily digest; its message key is the date, so a misfire
 * catch-up never sends a day twice.
 */
@DisallowConcurrentExecution
class AlertDigestJob extends QuartzJobBean {

	private static final Logger logger = LoggerFactory.getLogger(AlertDigestJob.class);

	private final AlertNotices notices;

	private final Clock clock;

	AlertDigestJob(AlertNotices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		try {
			this.notices.digest(LocalDate.now(this.clock));
		}
		catch (RuntimeException ex) {
			logger.error("Queueing the alert digest failed", ex);
		}
	}

}
