package dev.tlswatch.notify;

import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps the one durable Quartz job that drains the outbox every
 * {@code tlswatch.notify.drain-interval}, in the clustered job store. Each node writes it
 * at start-up, so a changed interval takes effect with the next start.
 */
@Component
class OutboxDrainSchedule implements SmartInitializingSingleton {

	static final JobKey JOB_KEY = JobKey.jobKey("outbox-drain", "notify");

	private final Scheduler scheduler;

	private final NotifySettings settings;

	OutboxDrainSchedule(Scheduler scheduler, NotifySettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		JobDetail job = JobBuilder.newJob(OutboxDrainJob.class)
			.withIdentity(JOB_KEY)
			.withDescription("Send pending notifications")
			.storeDurably()
			.build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(JOB_KEY.getName(), JOB_KEY.getGroup())
			.forJob(JOB_KEY)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(this.settings.drainInterval().toMillis())
				.repeatForever()
				// Missed firings are not made up: one drain sends everything due.
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		try {
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to schedule the notification outbox drain", ex);
		}
	}

}
