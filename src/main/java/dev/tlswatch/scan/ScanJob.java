package dev.tlswatch.scan;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one endpoint: scans it each time its trigger fires. A scheduled
 * firing runs a quick check first and the full probe only when it is due
 * ({@link ScanService#fire}); a queued manual scan runs the full probe. Never runs twice
 * at once for the same endpoint, on any node of the cluster.
 * <p>
 * One instance serves every firing ({@link ScanJobFactory}): it holds nothing of a
 * firing, whose endpoint comes from the job's data.
 */
@DisallowConcurrentExecution
class ScanJob implements Job {

	static final String ENDPOINT_ID = "endpointId";

	/** Trigger data: a scan someone asked for, run even if the endpoint is disabled. */
	static final String MANUAL = "manual";

	private static final Logger logger = LoggerFactory.getLogger(ScanJob.class);

	private final ScanService scans;

	ScanJob(ScanService scans) {
		this.scans = scans;
	}

	@Override
	public void execute(JobExecutionContext context) {
		long endpointId = context.getMergedJobDataMap().getLong(ENDPOINT_ID);
		boolean manual = Boolean.TRUE.equals(context.getMergedJobDataMap().get(MANUAL));
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
	}

}
