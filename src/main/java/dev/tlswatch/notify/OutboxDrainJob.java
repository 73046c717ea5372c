package dev.tlswatch.notify;

import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tlswatch.schedule.GuardedJob;

/**
 * The repeating Quartz job that drains the outbox: retries rows whose backoff has passed
 * and picks up rows whose after-commit drain was lost (a crash, a restart). Runs on one
 * node of the cluster at a time; drains started after commits may run beside it.
 */
@DisallowConcurrentExecution
class OutboxDrainJob extends GuardedJob {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDrainJob.class);

	private final OutboxDrainer drainer;

	OutboxDrainJob(OutboxDrainer drainer) {
		super("Draining the notification outbox");
		this.drainer = drainer;
	}

	@Override
	protected void run() {
		int sent = this.drainer.drain();
		if (sent > 0) {
			logger.debug("Outbox drain sent {} notifications", sent);
		}
	}

}
