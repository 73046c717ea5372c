package dev.tlswatch.probe;

/**
 * Asks a server that enforces its cipher suite order whether it honours a client's
 * preference for ChaCha20-Poly1305 (SSL Labs' "ChaCha20 preference"), with at most one
 * connection per version. Thread-safe. Never throws for anything the peer or the network
 * does.
 */
public interface ChachaPreferenceProber {

	/**
	 * Offer the server's best ChaCha20-Poly1305 suite before its best AES-GCM suite, when
	 * the enumeration shows that the server enforces its order, accepts both, and ranks
	 * AES-GCM first; otherwise say why the question does not apply, without a connection.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param suites what {@link CipherSuiteProber} found for the version
	 * @return the answer and the connections used
	 */
	ChachaPreference probe(ProbeTarget target, ProbeOptions options, SuiteEnumeration suites);

}
