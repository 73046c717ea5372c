package dev.tlswatch.probe;

import java.util.function.Consumer;

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
	 * server refuses; then tell whose preference decides: a server that chose against the
	 * order offered decides, else one more ClientHello offers the suites found in
	 * reverse. One connection per accepted suite, plus one, plus at most one; each
	 * bounded by the connect timeout plus the handshake timeout of the options.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts; trust anchors and clock are not used
	 * @param version a version of {@link TlsVersion#probed()}
	 * @return the suites found, the order, and the connections used
	 * @throws IllegalArgumentException for a version that is not probed on the wire (SSL
	 * 2.0)
	 */
	SuiteEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version);

	/**
	 * Enumerate the suites of a version that may not be accepted at all: the verdict on
	 * the version comes from the answer to the first ClientHello, which offers every
	 * suite, so a refused version costs that one connection and an accepted one none of
	 * its own. With {@code askFeatures}, the first two ClientHellos also carry the ALPN
	 * offers and DEFLATE compression of the {@link FeatureProber}'s questions, and the
	 * answers come back in the sweep (a server that fails on them is asked the first
	 * hello again without them).
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param version a version of {@link TlsVersion#probed()}
	 * @param askFeatures whether the first hellos carry the feature questions (TLS 1.0 or
	 * later)
	 * @return the verdict, the suites found and the answers
	 */
	VersionSweep sweep(ProbeTarget target, ProbeOptions options, TlsVersion version, boolean askFeatures);

	/**
	 * A sweep that tells a listener of each suite the server chooses as soon as it does,
	 * so that a caller can start work that depends on it (the groups of its key exchange)
	 * before the sweep ends. A suite may be told more than once.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param version a version of {@link TlsVersion#probed()}
	 * @param askFeatures whether the first hellos carry the feature questions
	 * @param chosen told each suite chosen, on the sweep's thread; must not block
	 * @return the verdict, the suites found and the answers
	 */
	default VersionSweep sweep(ProbeTarget target, ProbeOptions options, TlsVersion version, boolean askFeatures,
			Consumer<CipherSuite> chosen) {
		return sweep(target, options, version, askFeatures);
	}

}
