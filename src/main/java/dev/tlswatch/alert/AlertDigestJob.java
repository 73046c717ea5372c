package dev.tlswatch.alert;

import java.time.Clock;
import java.time.LocalDate;

import org.quartz.DisallowConcurrentExecution;

import dev.tlswatch.schedule.GuardedJob;

/**
 * The Quartz job that queues the daily digest; its message key is the date, so a misfire
 * catch-up never sends a day twice.
 */
@DisallowConcurrentExecution
class AlertDigestJob extends GuardedJob {

	private final AlertNotices notices;

	private final Clock clock;

	AlertDigestJob(AlertNotices notices, Clock clock) {
		super("Queueing the alert digest");
		this.notices = notices;
		this.clock = clock;
	}

	@Override
	protected void run() {
		this.notices.digest(LocalDate.now(this.clock));
	}

}
