package dev.tlswatch.scan;

/**
 * Whether the chain one address sent is trusted and valid now.
 */
public enum TrustResult {

	TRUSTED, UNTRUSTED, EXPIRED, NOT_YET_VALID, UNKNOWN

}
