package dev.tlswatch.probe;

import java.util.List;

/**
 * What is wrong with a chain as sent, and two facts of its leaf.
 *
 * @param issues the chain's issues, in chain order
 * @param sctCount how many Signed Certificate Timestamps the leaf embeds (RFC 6962)
 * @param mustStaple whether the leaf demands OCSP stapling (RFC 7633)
 */
public record ChainReport(List<ChainIssue> issues, int sctCount, boolean mustStaple) {

	/** No chain was received. */
	public static final ChainReport NONE = new ChainReport(List.of(), 0, false);

	public ChainReport {
		issues = List.copyOf(issues);
	}

}
