package dev.tlswatch.probe;

/**
 * Shakes hands with one address and reports what it saw. Thread-safe: one instance serves
 * any number of concurrent probes. Never throws for anything the peer or the network
 * does; every such event is an {@link HandshakeObservation} with its
 * {@link HandshakeOutcome}.
 */
public interface TlsProber {

	/**
	 * Probe one address. Blocks for at most the connect timeout plus the handshake
	 * timeout of the options.
	 * @param target the address, port and names
	 * @param options timeouts, extra trust anchors and clock
	 * @return what was observed
	 */
	HandshakeObservation handshake(ProbeTarget target, ProbeOptions options);

	/**
	 * Probe one address as {@link #handshake} does, and fingerprint what it served. An
	 * implementation that cannot read the ServerHello leaves its group and extensions out
	 * of the fingerprint.
	 * @param target the address, port and names
	 * @param options timeouts, extra trust anchors and clock
	 * @return the observation and its fingerprint
	 */
	default Fingerprinted fingerprinted(ProbeTarget target, ProbeOptions options) {
		HandshakeObservation handshake = handshake(target, options);
		return new Fingerprinted(handshake, HandshakeFingerprint.of(handshake, null));
	}

	/**
	 * A handshake and its fingerprint.
	 *
	 * @param handshake what was observed
	 * @param fingerprint what it served, reduced to compare
	 */
	record Fingerprinted(HandshakeObservation handshake, HandshakeFingerprint fingerprint) {

	}

}
