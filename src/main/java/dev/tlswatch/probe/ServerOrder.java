package dev.tlswatch.probe;

/**
 * Whose preference decides the cipher suite: found by offering the same two accepted
 * suites in both orders.
 */
public enum ServerOrder {

	/** The server chose the same suite both times: it follows its own order. */
	SERVER,

	/** The server chose the client's first suite both times: it follows the client. */
	CLIENT,

	/**
	 * Not known: fewer than two suites accepted, the enumeration stopped early, or the
	 * two answers fit neither order.
	 */
	UNKNOWN

}
