package dev.tlswatch.finding;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The finding module's API.
 */
public interface Findings {

	/**
	 * The findings of one scan, most severe first.
	 * @param scanId the scan
	 * @return its findings, empty if it was not judged
	 */
	List<FindingDetails> forScan(long scanId);

	/**
	 * The findings of several scans at once, each list most severe first.
	 * @param scanIds the scans
	 * @return findings by scan id, one entry per given id
	 */
	Map<Long, List<FindingDetails>> forScans(Collection<Long> scanIds);

	/**
	 * The status of each given endpoint; endpoints never scanned are
	 * {@link EndpointStatus#PENDING}.
	 * @param endpointIds the endpoints
	 * @return the status by endpoint id, one entry per given id
	 */
	Map<Long, EndpointStatus> statusOf(Collection<Long> endpointIds);

	/**
	 * Waits until a scan is judged: judging runs after the scan's transaction, so a
	 * caller that scanned just now and shows the verdict (scan now) waits for it.
	 * @param scanId the scan
	 * @param timeout how long to wait at most
	 * @return whether it is judged
	 */
	boolean awaitJudged(long scanId, Duration timeout);

	/**
	 * An endpoint's current verdict: its status and the findings of the scan it was
	 * judged from.
	 * @param endpointId the endpoint
	 * @return the verdict, {@link EndpointStatus#PENDING} with no findings before its
	 * first judged scan
	 */
	EndpointVerdict verdict(long endpointId);

	/**
	 * The expiry policy in force for an endpoint: the global thresholds, or its own or
	 * its tags' overrides. Every surface that colours an expiry asks this.
	 * @param endpointId the endpoint
	 * @return its policy
	 */
	ExpiryPolicy expiryPolicy(long endpointId);

	/**
	 * The expiry policies in force for several endpoints, as {@link #expiryPolicy(long)}
	 * answers each, read with a fixed number of queries however many endpoints there are:
	 * for pages that show many rows.
	 * @param endpointIds the endpoints
	 * @return a policy for every endpoint asked for
	 */
	Map<Long, ExpiryPolicy> expiryPolicies(Collection<Long> endpointIds);

	/**
	 * The global expiry policy ({@code tlswatch.finding.expiry.*}).
	 * @return the policy of endpoints without overrides
	 */
	ExpiryPolicy defaultExpiryPolicy();

}
