package dev.tlswatch.probe;

import dev.tlswatch.probe.wire.CipherSuiteProbe;

/**
 * Finds out which cipher suites one address accepts with one protocol version, and
 * whether it or the client decides among them. Uses one connection at a time, so that a
 * caller can cap the connections per address. Thread-safe. Never throws for anything the
 * peer or the network does: the result says how far it got.
 */
public interface CipherSuiteProber {

	/**
	 * Enumerate the suites of one version: offer every suite of the IANA registry that
	 * fits the version, note the one the server chooses, offer the rest again, until the
	 * server refuses; then offer two of the suites found in both orders to learn whose
	 * preference decides. About one connection per accepted suite, plus one, plus two;
	 * each bounded by the connect timeout plus the handshake timeout of the options.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts; trust anchors and clock are not used
	 * @param version a version of {@link TlsVersion#probed()}
	 * @return the suites found, the order, and the connections used
	 * @throws IllegalArgumentException for a version that is not probed on the wire (SSL
	 * 2.0)
	 */
	SuiteEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version);

	/**
	 * The prober that writes its own ClientHellos and reads the server's first answer; it
	 * never completes a handshake.
	 * @return a thread-safe prober
	 */
	static CipherSuiteProber wire() {
		return new CipherSuiteProbe();
	}

}
