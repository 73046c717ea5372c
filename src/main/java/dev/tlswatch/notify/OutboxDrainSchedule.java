package dev.tlswatch.notify;

import java.time.Duration;

import org.quartz.JobKey;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.tlswatch.schedule.RepeatingJobs;

/**
 * Keeps the one durable Quartz job that drains the outbox every
 * {@code tlswatch.notify.drain-interval}, in the clustered job store. Each node keeps it
 * at start-up, so a changed interval takes effect with the next start.
 */
@Component
class OutboxDrainSchedule implements SmartInitializingSingleton {

	static final JobKey JOB_KEY = JobKey.jobKey("outbox-drain", "notify");

	private final RepeatingJobs jobs;

	private final NotifySettings settings;

	OutboxDrainSchedule(RepeatingJobs jobs, NotifySettings settings) {
		this.jobs = jobs;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.jobs.keep(JOB_KEY, OutboxDrainJob.class, "Send pending notifications", this.settings.drainInterval(),
				Duration.ZERO);
	}

}
