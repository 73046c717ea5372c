package dev.tlswatch.scan;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.tlswatch.probe.CertificateInfo;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The scan module's API: run a scan now, and read the history.
 */
public interface Scans {

	/** The most scans {@link #timeline(long, int)} reads. */
	int MAX_TIMELINE_SCANS = 200;

	/**
	 * Scan an endpoint now, in the calling thread, and store the result. Bounded by the
	 * configured timeouts, and limited in how often it may be asked
	 * ({@code tlswatch.scan-policy.rate-limit.*}).
	 * @param endpointId the endpoint
	 * @return the stored scan
	 * @throws dev.tlswatch.endpoint.EndpointNotFoundException if there is no such
	 * endpoint
	 * @throws ScanRateLimitedException if it is asked too soon after other scans
	 */
	ScanDetails scanNow(long endpointId);

	/**
	 * Scan an endpoint now as {@link #scanNow(long)} does, of the given kind:
	 * {@link ScanKind#FULL} runs the full probe; {@link ScanKind#QUICK} runs a quick
	 * check, which becomes the full probe when the endpoint has none yet, its last one is
	 * older than {@code tlswatch.scan.full-probe-max-age}, or the server's fingerprint
	 * changed.
	 * @param endpointId the endpoint
	 * @param kind what to run
	 * @return the stored scan, whose {@link ScanDetails#kind()} says what ran
	 * @throws dev.tlswatch.endpoint.EndpointNotFoundException if there is no such
	 * endpoint
	 * @throws ScanRateLimitedException if it is asked too soon after other scans
	 */
	ScanDetails scanNow(long endpointId, ScanKind kind);

	/**
	 * Queue a scan of each of several endpoints, to run soon on the scheduler's threads
	 * (any node of the cluster), recorded as a manual scan. Each is subject to the same
	 * limits as {@link #scanNow(long)}; those the limits refuse are reported, not thrown.
	 * @param endpointIds the endpoints, 1 to
	 * {@value dev.tlswatch.endpoint.Endpoints#MAX_BULK_IDS} (repeats count once)
	 * @return which scans were queued and which refused
	 * @throws dev.tlswatch.endpoint.InvalidEndpointException naming {@code ids} if there
	 * are none or too many
	 * @throws dev.tlswatch.endpoint.EndpointsNotFoundException listing the ids not
	 * registered; nothing was queued
	 */
	QueuedScans queueScans(Collection<Long> endpointIds);

	/**
	 * One stored scan.
	 * @param scanId the scan
	 * @return the scan, empty if there is no such scan
	 */
	Optional<ScanDetails> find(long scanId);

	/**
	 * An endpoint's scans, newest first.
	 * @param endpointId the endpoint
	 * @param pageable the page
	 * @return the page of scans
	 */
	Page<ScanDetails> history(long endpointId, Pageable pageable);

	/**
	 * An endpoint's latest scan.
	 * @param endpointId the endpoint
	 * @return the scan, empty if it was never scanned
	 */
	Optional<ScanDetails> latest(long endpointId);

	/**
	 * The headline of the latest scan of each given endpoint that has one.
	 * @param endpointIds the endpoints
	 * @return summaries by endpoint id
	 */
	Map<Long, LatestScanSummary> latestSummaries(Collection<Long> endpointIds);

	/**
	 * What changed between an endpoint's latest scans (new certificate, protocol versions
	 * and cipher suites accepted or refused, grade, outages, addresses), and the
	 * handshake time and days left of each scan.
	 * @param endpointId the endpoint
	 * @param scanLimit how many of the latest scans to read, at most
	 * {@value #MAX_TIMELINE_SCANS}
	 * @return the timeline, empty if it was never scanned
	 */
	ScanTimeline timeline(long endpointId, int scanLimit);

	/**
	 * A stored certificate.
	 * @param sha256 its lower-case hex SHA-256 fingerprint
	 * @return the certificate, empty if never seen
	 */
	Optional<CertificateInfo> certificate(String sha256);

	/**
	 * How scans are configured ({@code tlswatch.scan.*}), with the global trust bundle as
	 * it reads now.
	 * @return the settings in force
	 */
	ScanDefaults defaults();

}
