package dev.tlswatch.scan;

import java.util.concurrent.locks.ReentrantLock;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one endpoint: scans it each time its trigger fires. A scheduled
 * firing runs a quick check first and the full probe only when it is due
 * ({@link ScanService#fire}); a queued manual scan runs the full probe.
 * <p>
 * Two firings of one endpoint (its schedule and a queued manual scan) run one after the
 * other on one node: each holds the endpoint's lock stripe while it scans. The job is not
 * {@code @DisallowConcurrentExecution}: for that, Quartz rewrites the states of the job's
 * triggers five times per firing, under the cluster-wide trigger lock, and wakes the
 * scheduler to look for due triggers again after each firing; five of the 48 statements a
 * quick check cost. Across nodes, a queued manual scan may therefore overlap a scheduled
 * one; both are stored, and the judge keeps the later verdict.
 * <p>
 * One instance serves every firing ({@link ScanJobFactory}): it holds nothing of a
 * firing, whose endpoint comes from the job's data.
 */
class ScanJob implements Job {

	static final String ENDPOINT_ID = "endpointId";

	/** Trigger data: a scan someone asked for, run even if the endpoint is disabled. */
	static final String MANUAL = "manual";

	private static final Logger logger = LoggerFactory.getLogger(ScanJob.class);

	/**
	 * Lock stripes, by endpoint id: more than the scheduler's threads, so rarely shared.
	 */
	private static final int STRIPES = 256;

	private final ScanService scans;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	ScanJob(ScanService scans) {
		this.scans = scans;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new ReentrantLock();
		}
	}

	@Override
	public void execute(JobExecutionContext context) {
		long endpointId = context.getMergedJobDataMap().getLong(ENDPOINT_ID);
		boolean manual = Boolean.TRUE.equals(context.getMergedJobDataMap().get(MANUAL));
		ReentrantLock stripe = this.stripes[Math.floorMod(Long.hashCode(endpointId), STRIPES)];
		stripe.lock();
		try {
			// An endpoint deleted (or, for a scheduled scan, disabled) since the trigger
			// was acquired is skipped.
			this.scans.fire(endpointId, manual)
				.ifPresent((scan) -> logger.debug("Scanned endpoint {}: {}", endpointId, scan.outcome()));
		}
		catch (RuntimeException ex) {
			// A failure to store one scan must not unschedule the endpoint; the next
			// firing retries.
			logger.error("Scheduled scan of endpoint {} failed", endpointId, ex);
		}
		finally {
			stripe.unlock();
		}
	}

}
