package dev.tlswatch.finding;

/**
 * How urgent a certificate's expiry is under an {@link ExpiryPolicy}.
 */
public enum ExpiryLevel {

	/** Past its end of validity. */
	EXPIRED,

	/** Expires within the critical span. */
	CRITICAL,

	/** An expiry threshold is crossed. */
	WARNING,

	/** No threshold crossed yet. */
	FINE

}
