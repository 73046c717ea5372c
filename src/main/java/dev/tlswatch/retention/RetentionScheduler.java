package dev.tlswatch.retention;

import org.quartz.JobKey;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.tlswatch.schedule.RepeatingJobs;

/**
 * Keeps the retention job in the clustered Quartz store at start-up, replacing what an
 * earlier start stored with another interval, or removes it when retention is off. The
 * first run comes one interval after it is first scheduled, not during start-up.
 */
@Component
class RetentionScheduler implements SmartInitializingSingleton {

	static final JobKey JOB = JobKey.jobKey("retention", "retention");

	private final RepeatingJobs jobs;

	private final RetentionSettings settings;

	RetentionScheduler(RepeatingJobs jobs, RetentionSettings settings) {
		this.jobs = jobs;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.settings.enabled()) {
			this.jobs.remove(JOB);
			return;
		}
		this.jobs.keep(JOB, RetentionJob.class, "Prune old scans, certificates, delivered messages and audit events",
				this.settings.interval(), this.settings.interval());
	}

}
