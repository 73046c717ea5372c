package dev.tlswatch.finding;

/**
 * An endpoint's state as judged from its latest scan.
 */
public enum EndpointStatus {

	/** Not scanned yet. */
	PENDING,

	/** Reachable, trusted, name matches, not expiring soon. */
	OK,

	/** Something needs attention soon (for example expiry within 30 days). */
	WARNING,

	/** Broken for clients: untrusted, expired, name mismatch, TLS failure. */
	CRITICAL,

	/** No address could be reached. */
	UNREACHABLE

}
