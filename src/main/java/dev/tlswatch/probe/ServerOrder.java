package dev.tlswatch.probe;

/**
 * Whose preference decides the cipher suite: a server that chose suites against the order
 * offered decides; otherwise the accepted suites are offered once more in reverse.
 */
public enum ServerOrder {

	/**
	 * The server chose against the client's order, or the same suite when offered the
	 * suites in reverse: it follows its own order.
	 */
	SERVER,

	/**
	 * The server chose the client's first acceptable suite each time: it follows the
	 * client.
	 */
	CLIENT,

	/**
	 * Not known: fewer than two suites accepted, the enumeration stopped early, or the
	 * answers fit neither order.
	 */
	UNKNOWN

}
