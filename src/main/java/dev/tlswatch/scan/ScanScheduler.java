package dev.tlswatch.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import dev.tlswatch.endpoint.EndpointChanged;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointRegistered;
import dev.tlswatch.endpoint.EndpointRemoved;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one durable Quartz job and trigger per enabled endpoint, in step with the
 * registry. Listens synchronously, so the job changes in the same transaction as the
 * endpoint: an endpoint is never stored without its schedule, nor deleted with it left
 * behind.
 */
@Component
class ScanScheduler {

	static final String GROUP = "scan";

	private final Scheduler scheduler;

	ScanScheduler(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@EventListener
	void on(EndpointRegistered event) {
		schedule(event.endpoint());
	}

	@EventListener
	void on(EndpointChanged event) {
		schedule(event.endpoint());
	}

	@EventListener
	void on(EndpointRemoved event) {
		try {
			this.scheduler.deleteJob(jobKey(event.endpointId()));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to remove the scan job of endpoint " + event.endpointId(), ex);
		}
	}

	/**
	 * Queue one manual scan of an endpoint, whether or not it is enabled; it runs as soon
	 * as a scheduler thread is free, never at the same time as its scheduled scan on the
	 * same node ({@link ScanJob}).
	 * @param endpointId a registered endpoint
	 */
	void runOnce(long endpointId) {
		try {
			JobKey jobKey = jobKey(endpointId);
			if (!this.scheduler.checkExists(jobKey)) {
				this.scheduler.addJob(job(endpointId, "Scan endpoint " + endpointId), true);
			}
			this.scheduler.triggerJob(jobKey, new JobDataMap(Map.of(ScanJob.MANUAL, true)));
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to queue a scan of endpoint " + endpointId, ex);
		}
	}

	/**
	 * Scan the endpoint now, then every interval; a disabled endpoint keeps its job but
	 * no trigger.
	 */
	private void schedule(EndpointDetails endpoint) {
		try {
			JobKey jobKey = jobKey(endpoint.id());
			this.scheduler.addJob(job(endpoint.id(), "Scan " + endpoint.displayName()), true);
			this.scheduler.unscheduleJob(triggerKey(endpoint.id()));
			if (endpoint.enabled()) {
				this.scheduler.scheduleJob(
						trigger(endpoint.id(), Duration.ofMinutes(endpoint.scanIntervalMinutes()), Instant.now()));
			}
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Unable to schedule scans of endpoint " + endpoint.id(), ex);
		}
	}

	/**
	 * Replace an endpoint's trigger. After downtime a trigger that missed several firings
	 * fires once, then continues at its interval.
	 */
	void reschedule(long endpointId, Duration interval, Instant firstFire) throws SchedulerException {
		this.scheduler.unscheduleJob(triggerKey(endpointId));
		this.scheduler.scheduleJob(trigger(endpointId, interval, firstFire));
	}

	private static JobDetail job(long endpointId, String description) {
		return JobBuilder.newJob(ScanJob.class)
			.withIdentity(jobKey(endpointId))
			.withDescription(description)
			.usingJobData(ScanJob.ENDPOINT_ID, endpointId)
			.storeDurably()
			.requestRecovery()
			.build();
	}

	static Trigger trigger(long endpointId, Duration interval, Instant firstFire) {
		return TriggerBuilder.newTrigger()
			.withIdentity(triggerKey(endpointId))
			.forJob(jobKey(endpointId))
			.startAt(Date.from(firstFire))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNowWithExistingCount())
			.build();
	}

	static JobKey jobKey(long endpointId) {
		return JobKey.jobKey("endpoint-" + endpointId, GROUP);
	}

	static TriggerKey triggerKey(long endpointId) {
		return TriggerKey.triggerKey("endpoint-" + endpointId, GROUP);
	}

}
