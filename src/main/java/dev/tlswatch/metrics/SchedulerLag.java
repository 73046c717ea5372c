package dev.tlswatch.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.jspecify.annotations.Nullable;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * How late firings start: a Quartz trigger listener on every trigger of this node. The
 * value shown is the largest lateness seen within the lag window, or how overdue the
 * oldest waiting trigger of the cluster is, whichever is larger.
 */
class SchedulerLag extends TriggerListenerSupport {

	private final Clock clock;

	private final Duration window;

	/** Guarded by {@code this}. */
	private Duration current = Duration.ZERO;

	/** Guarded by {@code this}. */
	private Instant currentSince;

	/** Guarded by {@code this}. */
	private Duration previous = Duration.ZERO;

	private volatile Duration overdue = Duration.ZERO;

	SchedulerLag(Clock clock, Duration window) {
		this.clock = clock;
		this.window = window;
		this.currentSince = clock.instant();
	}

	@Override
	public String getName() {
		return "tlswatch-scheduler-lag";
	}

	@Override
	public void triggerFired(Trigger trigger, JobExecutionContext context) {
		Date scheduled = context.getScheduledFireTime();
		Date fired = context.getFireTime();
		if (scheduled != null && fired != null) {
			record(Duration.ofMillis(Math.max(0, fired.getTime() - scheduled.getTime())));
		}
	}

	@Override
	public void triggerComplete(Trigger trigger, JobExecutionContext context,
			CompletedExecutionInstruction instruction) {
		// Only the start of a firing counts.
	}

	synchronized void record(Duration lag) {
		rotate();
		if (lag.compareTo(this.current) > 0) {
			this.current = lag;
		}
	}

	/**
	 * How overdue the oldest trigger waiting to fire is, from the cluster's job store.
	 * @param oldestDue when it was due, {@code null} when none is waiting
	 */
	void overdueSince(@Nullable Instant oldestDue) {
		Duration late = (oldestDue != null) ? Duration.between(oldestDue, this.clock.instant()) : Duration.ZERO;
		this.overdue = late.isNegative() ? Duration.ZERO : late;
	}

	/**
	 * The gauge's value.
	 * @return seconds
	 */
	synchronized double seconds() {
		rotate();
		Duration seen = (this.current.compareTo(this.previous) > 0) ? this.current : this.previous;
		Duration lag = (seen.compareTo(this.overdue) > 0) ? seen : this.overdue;
		return lag.toMillis() / 1000.0;
	}

	private void rotate() {
		Instant now = this.clock.instant();
		Duration elapsed = Duration.between(this.currentSince, now);
		if (elapsed.compareTo(this.window) >= 0) {
			this.previous = (elapsed.compareTo(this.window.multipliedBy(2)) >= 0) ? Duration.ZERO : this.current;
			this.current = Duration.ZERO;
			this.currentSince = now;
		}
	}

}
