package dev.tlswatch.finding;

import java.time.Instant;

/**
 * An endpoint's current verdict as stored.
 *
 * @param endpointId the endpoint
 * @param scanId the scan it was judged from
 * @param status the status
 * @param judgedAt when it was judged
 */
public record Verdict(long endpointId, long scanId, EndpointStatus status, Instant judgedAt) {
}
