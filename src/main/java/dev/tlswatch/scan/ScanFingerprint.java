package dev.tlswatch.scan;

import java.time.Instant;

/**
 * What a stored scan saw, reduced to what retention compares: per address (in order) the
 * address, outcome, negotiated version and suite, grade and the served chain's SHA-256s.
 * Two scans with equal fingerprints saw the same thing.
 *
 * @param scanId the scan
 * @param startedAt when it started
 * @param fingerprint the reduced text
 */
public record ScanFingerprint(long scanId, Instant startedAt, String fingerprint) {
}
