package dev.tlswatch.scan;

import java.time.Instant;

import dev.tlswatch.probe.HandshakeOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The headline of an endpoint's latest scan, for lists.
 *
 * @param endpointId the endpoint
 * @param scanId the scan
 * @param scannedAt when the scan finished
 * @param outcome its outcome
 * @param protocol the protocol negotiated on the first address that completed a handshake
 * @param cipherSuite the cipher suite negotiated there
 * @param leafNotBefore the start of the leaf's validity, {@code null} without one
 * @param leafNotAfter end of validity of that address's leaf certificate
 */
public record LatestScanSummary(long endpointId, long scanId, Instant scannedAt, HandshakeOutcome outcome,
		@Nullable String protocol, @Nullable String cipherSuite, @Nullable Instant leafNotAfter,
		@Nullable Instant leafNotBefore) {

	/**
	 * A summary without the leaf's start of validity.
	 */
	public LatestScanSummary(long endpointId, long scanId, Instant scannedAt, HandshakeOutcome outcome,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Instant leafNotAfter) {
		this(endpointId, scanId, scannedAt, outcome, protocol, cipherSuite, leafNotAfter, null);
	}

}
