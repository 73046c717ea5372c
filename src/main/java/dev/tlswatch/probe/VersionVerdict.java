package dev.tlswatch.probe;

/**
 * What probing one protocol version showed. Only {@link #ACCEPTED} and {@link #REJECTED}
 * say something about the server; {@link #TIMEOUT} and {@link #ERROR} mean "not known".
 */
public enum VersionVerdict {

	/**
	 * The server answered with a ServerHello for exactly this version (for TLS 1.3 also a
	 * HelloRetryRequest).
	 */
	ACCEPTED,

	/**
	 * The server refused the version: an alert, a close or reset without an answer, or a
	 * ServerHello for a lower version (a downgrade).
	 */
	REJECTED,

	/** Connect or answer did not come within the timeouts. */
	TIMEOUT,

	/**
	 * The version could not be tested: no connection, the STARTTLS dialogue failed, or
	 * the answer was not understood.
	 */
	ERROR

}
