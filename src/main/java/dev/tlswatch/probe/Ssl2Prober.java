package dev.tlswatch.probe;

/**
 * Finds out whether one address accepts SSL 2.0, with one connection. No JDK speaks SSL
 * 2.0 (prohibited by RFC 6176), so the probe writes its own CLIENT-HELLO and reads the
 * first answer. Thread-safe. Never throws for anything the peer or the network does.
 */
public interface Ssl2Prober {

	/**
	 * Send an SSL 2.0 CLIENT-HELLO and read the answer. Blocks for at most the connect
	 * timeout plus the handshake timeout of the options.
	 * @param target the address, port and how TLS starts
	 * @param options the timeouts; trust anchors and clock are not used
	 * @return what the server answered
	 */
	Ssl2Support probe(ProbeTarget target, ProbeOptions options);

}
