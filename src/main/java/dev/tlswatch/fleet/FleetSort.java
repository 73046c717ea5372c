package dev.tlswatch.fleet;

/**
 * Orders of the endpoint list. Every order ends with the endpoint id, so pages are
 * stable.
 */
public enum FleetSort {

	/** By host, then port. */
	HOST,

	/** Soonest leaf expiry first; never scanned last. */
	EXPIRY,

	/** Most severe status first. */
	STATUS,

	/** Worst grade first; ungraded last. */
	GRADE,

	/** Most recently scanned first; never scanned last. */
	LAST_SCAN

}
