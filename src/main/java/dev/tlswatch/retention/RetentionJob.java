package dev.tlswatch.retention;

import org.quartz.DisallowConcurrentExecution;

import dev.tlswatch.schedule.GuardedJob;

/**
 * The clustered retention job: one node at a time runs it. Whatever a failed run deleted
 * stays deleted; the next firing goes on.
 */
@DisallowConcurrentExecution
class RetentionJob extends GuardedJob {

	private final Retention retention;

	RetentionJob(Retention retention) {
		super("Retention run");
		this.retention = retention;
	}

	@Override
	protected void run() {
		this.retention.runNow();
	}

}
