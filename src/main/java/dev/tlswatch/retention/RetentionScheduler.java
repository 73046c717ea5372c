package dev.tlswatch.retention;

import java.time.Duration;
import java.util.Date;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the retention job into the clustered Quartz store at start-up, replacing what an
 * earlier start stored with another interval, or removes it when retention is off. The
 * first run comes one interval after it is first scheduled, not during start-up.
 */
@Component
class RetentionScheduler implements SmartInitializingSingleton {

	static final JobKey JOB = JobKey.jobKey("retention", "retention");

	private final Scheduler scheduler;

	private final RetentionSettings settings;

	RetentionScheduler(Scheduler scheduler, RetentionSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			if (!this.settings.enabled()) {
				this.scheduler.deleteJob(JOB);
				return;
			}
			Duration interval = this.settings.interval();
			if (this.scheduler
				.getTrigger(TriggerKey.triggerKey(JOB.getName(), JOB.getGroup())) instanceof SimpleTrigger kept
					&& kept.getRepeatInterval() == interval.toMillis()) {
				// Restarts keep the schedule, so that frequent restarts do not postpone
				// it.
				return;
			}
			JobDetail job = JobBuilder.newJob(RetentionJob.class)
				.withIdentity(JOB)
				.withDescription("Prune old scans, certificates, delivered messages and audit events")
				.storeDurably()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(JOB.getName(), JOB.getGroup())
				.startAt(new Date(System.currentTimeMillis() + interval.toMillis()))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(interval.toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to schedule the retention job", ex);
		}
	}

}
