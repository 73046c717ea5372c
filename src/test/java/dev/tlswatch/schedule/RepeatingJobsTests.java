package dev.tlswatch.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link RepeatingJobs} against a real (in-memory, not started) Quartz scheduler.
 */
class RepeatingJobsTests {

	private static final JobKey KEY = JobKey.jobKey("tidy", "test");

	private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

	private Scheduler scheduler;

	private RepeatingJobs jobs;

	@BeforeEach
	void scheduler() throws SchedulerException {
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "repeating-" + UUID.randomUUID());
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		this.scheduler = new StdSchedulerFactory(properties).getScheduler();
		this.jobs = new RepeatingJobs(this.scheduler, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void shutdown() throws SchedulerException {
		this.scheduler.shutdown();
	}

	@Test
	void storesADurableJobThatRepeatsAtTheIntervalFromTheFirstDelay() throws SchedulerException {
		this.jobs.keep(KEY, Tidy.class, "Tidy up", Duration.ofMinutes(5), Duration.ofHours(1));

		assertThat(this.scheduler.getJobDetail(KEY).isDurable()).isTrue();
		assertThat(this.scheduler.getJobDetail(KEY).getDescription()).isEqualTo("Tidy up");
		SimpleTrigger trigger = (SimpleTrigger) trigger();
		assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofMinutes(5).toMillis());
		assertThat(trigger.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
		assertThat(trigger.getStartTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(trigger.getMisfireInstruction())
			.isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
	}

	@Test
	void aRestartWithTheSameIntervalKeepsTheStoredTrigger() throws SchedulerException {
		this.jobs.keep(KEY, Tidy.class, "Tidy up", Duration.ofMinutes(5), Duration.ZERO);
		Instant firstStart = trigger().getStartTime().toInstant();

		new RepeatingJobs(this.scheduler, Clock.fixed(NOW.plus(Duration.ofMinutes(3)), ZoneOffset.UTC)).keep(KEY,
				Tidy.class, "Tidy up", Duration.ofMinutes(5), Duration.ZERO);

		assertThat(trigger().getStartTime().toInstant()).isEqualTo(firstStart);
	}

	@Test
	void anotherIntervalReplacesTheStoredTrigger() throws SchedulerException {
		this.jobs.keep(KEY, Tidy.class, "Tidy up", Duration.ofMinutes(5), Duration.ZERO);

		this.jobs.keep(KEY, Tidy.class, "Tidy up", Duration.ofMinutes(10), Duration.ZERO);

		assertThat(((SimpleTrigger) trigger()).getRepeatInterval()).isEqualTo(Duration.ofMinutes(10).toMillis());
		assertThat(this.scheduler.getTriggersOfJob(KEY)).hasSize(1);
	}

	@Test
	void removeDeletesTheJobAndItsTriggerAndIgnoresAMissingOne() throws SchedulerException {
		this.jobs.keep(KEY, Tidy.class, "Tidy up", Duration.ofMinutes(5), Duration.ZERO);

		this.jobs.remove(KEY);
		this.jobs.remove(KEY);

		assertThat(this.scheduler.checkExists(KEY)).isFalse();
		assertThat(trigger()).isNull();
	}

	@Test
	void aFailedFiringIsLoggedAndLeavesTheTriggerAlone() {
		Failing job = new Failing();

		assertThatNoException().isThrownBy(() -> job.executeInternal(null));
		assertThat(job.runs).isEqualTo(1);
	}

	private Trigger trigger() throws SchedulerException {
		return this.scheduler.getTrigger(TriggerKey.triggerKey(KEY.getName(), KEY.getGroup()));
	}

	public static class Tidy implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	static class Failing extends GuardedJob {

		int runs;

		Failing() {
			super("Failing on purpose");
		}

		@Override
		protected void run() {
			this.runs++;
			throw new IllegalStateException("boom");
		}

	}

}
