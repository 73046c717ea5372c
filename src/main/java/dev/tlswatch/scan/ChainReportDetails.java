package dev.tlswatch.scan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with the chain one address sent, and two facts of its leaf.
 *
 * @param issues the problems, in chain order
 * @param sctCount Signed Certificate Timestamps embedded in the leaf, {@code null}
 * without a chain
 * @param mustStaple whether the leaf demands OCSP stapling, {@code null} without a chain
 */
public record ChainReportDetails(List<Issue> issues, @Nullable Integer sctCount, @Nullable Boolean mustStaple) {

	/** No chain was received. */
	public static final ChainReportDetails NONE = new ChainReportDetails(List.of(), null, null);

	public ChainReportDetails {
		issues = List.copyOf(issues);
	}

	/**
	 * One problem of a chain.
	 *
	 * @param type what is wrong
	 * @param position the certificate it concerns (0 = leaf)
	 * @param detail a sentence for users
	 */
	public record Issue(ChainIssueType type, int position, String detail) {
	}

}
