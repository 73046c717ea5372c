package dev.tlswatch.audit;

import java.time.Instant;

/**
 * Pruning of the audit log, for the retention job.
 */
public interface AuditRetention {

	/**
	 * Deletes audit events that occurred before a time.
	 * @param before the time
	 * @param limit the most to delete in this call
	 * @return how many were deleted
	 */
	int deleteBefore(Instant before, int limit);

}
