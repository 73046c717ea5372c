package dev.tlswatch.retention;

import java.time.Instant;

/**
 * What one retention run deleted.
 *
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param scans scans deleted (with their results and findings)
 * @param certificates certificates deleted
 * @param deliveries delivered outbox rows deleted
 * @param auditEvents audit events deleted
 */
public record RetentionReport(Instant startedAt, Instant finishedAt, long scans, long certificates, long deliveries,
		long auditEvents) {
}
