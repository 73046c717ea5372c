package dev.tlswatch.probe;

import java.util.List;

/**
 * Finds out which protocol versions one address accepts, from SSL 3.0 to TLS 1.3,
 * whatever the JDK's own TLS client still supports. Thread-safe. Never throws for
 * anything the peer or the network does: every such event is a {@link VersionVerdict}
 * with its detail.
 * <p>
 * The quick check for a caller that wants the versions alone (five connections, all at
 * once). A full probe ({@link TlsEngine}) does not use it: there the first ClientHello of
 * each version's suite enumeration ({@link CipherSuiteProber#sweep}) gives the same
 * verdict without a connection of its own.
 */
public interface VersionProber {

	/**
	 * Probe every {@link TlsVersion} of one address, one connection per version. Blocks
	 * for at most the connect timeout plus the handshake timeout of the options.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts; trust anchors and clock are not used
	 * @return one result per version, in the order of {@link TlsVersion#probed()}
	 */
	List<VersionSupport> probe(ProbeTarget target, ProbeOptions options);

	/**
	 * Probe one version of one address, with one connection.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param version the version to offer
	 * @return what the server answered
	 */
	VersionSupport probe(ProbeTarget target, ProbeOptions options, TlsVersion version);

}
