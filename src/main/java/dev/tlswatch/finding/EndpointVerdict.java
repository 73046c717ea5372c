package dev.tlswatch.finding;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint's current verdict: its status and the findings of the scan it was judged
 * from. What metrics, notification routing and every page read instead of judging again.
 *
 * @param endpointId the endpoint
 * @param status its status, {@link EndpointStatus#PENDING} before its first judged scan
 * @param scanId the scan judged, {@code null} while pending
 * @param judgedAt when it was judged, {@code null} while pending
 * @param findings that scan's findings, most severe first
 */
public record EndpointVerdict(long endpointId, EndpointStatus status, @Nullable Long scanId, @Nullable Instant judgedAt,
		List<FindingDetails> findings) {

	public EndpointVerdict {
		findings = List.copyOf(findings);
	}

}
