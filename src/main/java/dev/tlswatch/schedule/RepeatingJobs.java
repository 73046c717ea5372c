package dev.tlswatch.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;

import org.quartz.Job;
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

import org.springframework.stereotype.Component;

/**
 * Keeps durable jobs that repeat at a fixed interval in the clustered job store. Every
 * node calls {@link #keep} at start-up: a stored trigger with the same interval is left
 * alone (so frequent restarts do not postpone it), another interval replaces it. Missed
 * firings are not made up: the next firing does everything that is due.
 */
@Component
public class RepeatingJobs {

	private final Scheduler scheduler;

	private final Clock clock;

	public RepeatingJobs(Scheduler scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Stores the job with a trigger that fires every {@code interval}, the first time
	 * {@code firstAfter} from now, unless the same job already repeats at that interval.
	 * @param key the job's key (its trigger has the same name and group)
	 * @param type the job class
	 * @param description what the job does, as Quartz shows it
	 * @param interval time between firings
	 * @param firstAfter delay of the first firing, {@link Duration#ZERO} for now
	 */
	public void keep(JobKey key, Class<? extends Job> type, String description, Duration interval,
			Duration firstAfter) {
		try {
			if (this.scheduler
				.getTrigger(TriggerKey.triggerKey(key.getName(), key.getGroup())) instanceof SimpleTrigger kept
					&& kept.getRepeatInterval() == interval.toMillis()) {
				return;
			}
			JobDetail job = JobBuilder.newJob(type)
				.withIdentity(key)
				.withDescription(description)
				.storeDurably()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(key.getName(), key.getGroup())
				.forJob(key)
				.startAt(Date.from(this.clock.instant().plus(firstAfter)))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(interval.toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build();
			this.scheduler.scheduleJob(job, Set.of(trigger), true);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to schedule the job " + key + " (" + description + ")", ex);
		}
	}

	/**
	 * Removes the job and its trigger, if stored.
	 * @param key the job's key
	 */
	public void remove(JobKey key) {
		try {
			this.scheduler.deleteJob(key);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to remove the job " + key, ex);
		}
	}

}
