package dev.tlswatch.notify;

import java.time.Instant;

/**
 * Pruning of delivered messages, for the retention job.
 */
public interface OutboxRetention {

	/**
	 * Deletes deliveries sent before a time, then the messages left without delivery that
	 * were created before it.
	 * @param sentBefore the time
	 * @param limit the most deliveries (and then messages) to delete in this call
	 * @return how many deliveries were deleted
	 */
	int deleteDelivered(Instant sentBefore, int limit);

}
