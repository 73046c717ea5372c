package dev.tlswatch.scan;

/**
 * What offering one protocol version to an address showed. Only {@link #ACCEPTED} and
 * {@link #REJECTED} are facts about the server; {@link #TIMEOUT} and {@link #ERROR} mean
 * "not known".
 */
public enum VersionOutcome {

	/** The server agreed to the version. */
	ACCEPTED,

	/** The server refused it: an alert, a close, or a lower version (downgrade). */
	REJECTED,

	/** No answer in time. */
	TIMEOUT,

	/** Not tested: no connection, or an answer that was not understood. */
	ERROR

}
