package dev.tlswatch.alert;

import java.time.Duration;
import java.util.Set;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.tlswatch.schedule.RepeatingJobs;

/**
 * Puts the reminder and digest jobs into the clustered Quartz store at start-up as the
 * settings say, replacing what an earlier start stored, or removes them when switched
 * off.
 */
@Component
class AlertJobScheduler implements SmartInitializingSingleton {

	static final String GROUP = "alert";

	static final JobKey REMINDER = JobKey.jobKey("reminders", GROUP);

	static final JobKey DIGEST = JobKey.jobKey("digest", GROUP);

	/** How often due reminders are looked for. */
	static final Duration REMINDER_CHECK = Duration.ofMinutes(5);

	private final Scheduler scheduler;

	private final RepeatingJobs jobs;

	private final AlertSettings settings;

	AlertJobScheduler(Scheduler scheduler, RepeatingJobs jobs, AlertSettings settings) {
		this.scheduler = scheduler;
		this.jobs = jobs;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			if (this.settings.reminderAfter() != null) {
				this.jobs.keep(REMINDER, AlertReminderJob.class, "Remind of long-open alerts", REMINDER_CHECK,
						Duration.ZERO);
			}
			else {
				this.jobs.remove(REMINDER);
			}
			if (this.settings.digestEnabled()) {
				schedule(DIGEST, AlertDigestJob.class, "Daily alert digest",
						TriggerBuilder.newTrigger()
							.withIdentity(DIGEST.getName(), GROUP)
							.withSchedule(CronScheduleBuilder
								.dailyAtHourAndMinute(this.settings.digestTime().getHour(),
										this.settings.digestTime().getMinute())
								.withMisfireHandlingInstructionFireAndProceed())
							.build());
			}
			else {
				this.scheduler.deleteJob(DIGEST);
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to schedule the alert reminder and digest jobs", ex);
		}
	}

	private void schedule(JobKey key, Class<? extends org.quartz.Job> type, String description, Trigger trigger)
			throws SchedulerException {
		JobDetail job = JobBuilder.newJob(type).withIdentity(key).withDescription(description).storeDurably().build();
		this.scheduler.scheduleJob(job, Set.of(trigger), true);
	}

}
