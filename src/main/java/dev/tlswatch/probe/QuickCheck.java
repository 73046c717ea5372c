package dev.tlswatch.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * A quick check of one address: one handshake (a second when the first could not reach
 * the server's TLS), and the fingerprint it showed.
 *
 * @param handshake the handshake that counts: the retry's when there was one
 * @param fingerprint what it showed
 * @param connections how many connections it opened, 1 or 2
 * @param elapsed how long it took
 */
public record QuickCheck(HandshakeObservation handshake, HandshakeFingerprint fingerprint, int connections,
		Duration elapsed) {

	public QuickCheck {
		Objects.requireNonNull(handshake, "handshake");
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
