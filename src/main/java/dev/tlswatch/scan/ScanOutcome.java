package dev.tlswatch.scan;

/**
 * How a scan, or one address of it, ended.
 */
public enum ScanOutcome {

	/** The TLS handshake completed (for a scan: on at least one address). */
	OK,

	/** The TCP connection was refused or the address was unreachable. */
	CONNECTION_REFUSED,

	/** Connect, STARTTLS dialogue or handshake did not finish in time. */
	TIMEOUT,

	/** The name did not resolve. */
	DNS_FAILURE,

	/** TCP connected but TLS failed. */
	TLS_FAILURE,

	/** TCP connected but the server did not agree to start TLS (STARTTLS). */
	STARTTLS_FAILED,

	/** Any other error. */
	ERROR,

	/**
	 * The scan target policy does not allow this address (or host name); it was not
	 * contacted.
	 */
	DENIED

}
