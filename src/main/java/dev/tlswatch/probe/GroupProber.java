package dev.tlswatch.probe;

import java.util.List;
import java.util.Set;

/**
 * Finds out which key exchange groups one address accepts with one protocol version. Uses
 * one connection at a time, so that a caller can cap the connections per address.
 * Thread-safe. Never throws for anything the peer or the network does: the result says
 * how far it got.
 */
public interface GroupProber {

	/**
	 * Enumerate the groups of one version: offer every known group of the version, note
	 * the one the server chooses, offer the rest again, until the server refuses. For TLS
	 * 1.3 the ClientHello carries no key share, so the server names its group in a
	 * HelloRetryRequest (RFC 8446 §4.2.8); up to TLS 1.2 the ClientHello offers only
	 * ECDHE suites, then only DHE suites, and the group is read from the
	 * ServerKeyExchange. About one connection per accepted group, plus one (plus one more
	 * up to TLS 1.2, for the finite-field groups); each bounded by the connect timeout
	 * plus the handshake timeout of the options.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts; trust anchors and clock are not used
	 * @param version TLS 1.0, 1.1, 1.2 or 1.3 (SSL 3.0 has no supported_groups)
	 * @return the groups found and the connections used
	 * @throws IllegalArgumentException for SSL 2.0 or SSL 3.0
	 */
	GroupEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version);

	/**
	 * Enumerate the groups of one version, knowing the suites the server accepts with it:
	 * up to TLS 1.2, a round for a key exchange that none of the suites uses is skipped
	 * (no ECDHE suite, no curves; no DHE suite, no finite-field groups), since no
	 * ServerKeyExchange could show its group. TLS 1.3 is enumerated in full.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param version TLS 1.0, 1.1, 1.2 or 1.3
	 * @param acceptedSuites every suite the server accepts with the version
	 * @return the groups found and the connections used
	 */
	default GroupEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version,
			List<CipherSuite> acceptedSuites) {
		return enumerate(target, options, version);
	}

	/**
	 * Enumerate the groups of one version that are not already known, knowing the suites
	 * the server accepts with it: as
	 * {@link #enumerate(ProbeTarget, ProbeOptions, TlsVersion, List)}, but no ClientHello
	 * offers a known group, and none is sent when no group is left. The result lists only
	 * the groups found among the rest; complete means the server refused every group of
	 * the rest.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param version TLS 1.0, 1.1, 1.2 or 1.3
	 * @param acceptedSuites every suite the server accepts with the version
	 * @param known groups not to offer
	 * @return the groups found among the rest and the connections used
	 */
	default GroupEnumeration enumerate(ProbeTarget target, ProbeOptions options, TlsVersion version,
			List<CipherSuite> acceptedSuites, Set<KeyExchangeGroup> known) {
		GroupEnumeration all = enumerate(target, options, version, acceptedSuites);
		return new GroupEnumeration(version, all.accepted().stream().filter((group) -> !known.contains(group)).toList(),
				all.connections(), all.incompleteReason());
	}

}
