package dev.tlswatch.scan;

/**
 * How much a scan asked of each address.
 */
public enum ScanKind {

	/**
	 * One handshake per address (two when the first did not reach TLS), fingerprinted;
	 * versions, suites, groups, features and grade are the last full probe's, carried
	 * forward with when they were observed.
	 */
	QUICK,

	/** The full probe: versions, suites, groups, features, HSTS and the grade. */
	FULL

}
