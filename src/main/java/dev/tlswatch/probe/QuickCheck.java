package dev.tlswatch.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * A quick check of one address: one handshake (a second when the first could not reach
 * the server's TLS), the fingerprint it showed, and the revocation status of the chain it
 * saw (the check talks to the CA, not to the address, and its answers are cached until
 * their nextUpdate).
 *
 * @param handshake the handshake that counts: the retry's when there was one
 * @param fingerprint what it showed
 * @param connections how many connections it opened, 1 or 2
 * @param elapsed how long it took
 * @param revocation the revocation status of each certificate of the chain the handshake
 * saw (its staples included); empty when it saw no chain, every certificate
 * {@link Revocation.Status#NOT_CHECKED} when checking is switched off
 */
public record QuickCheck(HandshakeObservation handshake, HandshakeFingerprint fingerprint, int connections,
		Duration elapsed, RevocationReport revocation) {

	public QuickCheck {
		Objects.requireNonNull(handshake, "handshake");
		Objects.requireNonNull(revocation, "revocation");
		Objects.requireNonNull(fingerprint, "fingerprint");
		Objects.requireNonNull(elapsed, "elapsed");
	}

	/**
	 * Whether the address answered: only then does the fingerprint say anything.
	 * @return whether the handshake reached the server's TLS
	 */
	public boolean answered() {
		return this.handshake.outcome().answered();
	}

}
