package dev.tlswatch.probe;

/**
 * Whether the chain a server sent leads to a trust anchor and is valid now. Trust is a
 * finding about the certificate, never a reason to hide it.
 */
public enum TrustStatus {

	/** A valid path to a trust anchor exists and every certificate on it is valid now. */
	TRUSTED,

	/**
	 * No path to a trust anchor (self-signed, unknown CA, incomplete chain, bad
	 * signature).
	 */
	UNTRUSTED,

	/** The path is anchored, but a certificate on it has expired. */
	EXPIRED,

	/** The path is anchored, but a certificate on it is not yet valid. */
	NOT_YET_VALID,

	/** Not checked: no certificate was received. */
	UNKNOWN

}
