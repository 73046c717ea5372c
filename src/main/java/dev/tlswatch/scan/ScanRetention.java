package dev.tlswatch.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Pruning of the scan history, for the retention job: reads old scans a page at a time
 * and deletes the ones it is told to, in short transactions.
 */
public interface ScanRetention {

	/**
	 * How old a scan may be and still have a quick check refer to its facts: the last
	 * full probe of an endpoint is never older than
	 * {@code tlswatch.scan.full-probe-max-age}. Retention must keep every scan at least
	 * this long.
	 * @return the age
	 */
	Duration referencedFor();

	/**
	 * The endpoints that have scans started before a time and, where a mark is given,
	 * after that mark (by start, then id): the ones a walk that resumes at the marks has
	 * something to read for. One probe of the scan-by-endpoint index per endpoint,
	 * however long the histories are.
	 * @param before the time
	 * @param walkedUpTo per endpoint id the last scan a walk has passed
	 * @return the endpoint ids, ascending
	 */
	List<Long> endpointsWithScansBefore(Instant before, Map<Long, ScanFingerprint> walkedUpTo);

	/**
	 * A page of an endpoint's scans started before a time, oldest first.
	 * @param endpointId the endpoint
	 * @param before only scans started before this
	 * @param after the page starts after this scan
	 * @param limit the most scans to return
	 * @return the fingerprints
	 */
	List<ScanFingerprint> oldScans(long endpointId, Instant before, ScanFingerprint after, int limit);

	/**
	 * The first page of {@link #oldScans(long, Instant, ScanFingerprint, int)}.
	 * @param endpointId the endpoint
	 * @param before only scans started before this
	 * @param limit the most scans to return
	 * @return the fingerprints
	 */
	List<ScanFingerprint> oldScans(long endpointId, Instant before, int limit);

	/**
	 * Deletes scans with their results and findings; an endpoint's latest scan is never
	 * deleted.
	 * @param scanIds the scans
	 * @return how many were deleted
	 */
	int deleteScans(Collection<Long> scanIds);

	/**
	 * Deletes certificates that no stored scan references and that were first seen before
	 * a time.
	 * @param firstSeenBefore only certificates first seen before this
	 * @param limit the most to delete in this call
	 * @return how many were deleted
	 */
	int deleteUnreferencedCertificates(Instant firstSeenBefore, int limit);

}
