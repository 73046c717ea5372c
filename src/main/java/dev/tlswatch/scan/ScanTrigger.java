package dev.tlswatch.scan;

/**
 * Why a scan ran.
 */
public enum ScanTrigger {

	/** The endpoint's schedule fired. */
	SCHEDULED,

	/** A user asked for it ("scan now"). */
	MANUAL

}
