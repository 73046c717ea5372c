package dev.tlswatch.finding;

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

}
