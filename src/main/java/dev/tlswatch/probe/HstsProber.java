package dev.tlswatch.probe;

/**
 * Asks an HTTPS server for its HSTS policy (RFC 6797) on one connection. Thread-safe.
 * Never throws for anything the peer or the network does.
 */
@FunctionalInterface
public interface HstsProber {

	/**
	 * Ask for the policy. Blocks for at most the connect timeout plus the handshake
	 * timeout of the options.
	 * @param target an HTTPS target, TLS from the start
	 * @param options the timeouts
	 * @return the policy, or why there is none
	 */
	Observed<Hsts> probe(ProbeTarget target, ProbeOptions options);

}
