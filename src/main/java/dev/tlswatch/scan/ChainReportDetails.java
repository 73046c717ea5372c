package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.probe.ChainIssue;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with the chain one address sent, and two facts of its leaf. Unlike the
 * probe's {@link dev.tlswatch.probe.ChainReport}, the leaf facts are unknown
 * ({@code null}) for an address that sent no chain, and so are they for scans stored
 * before they were recorded.
 *
 * @param issues the problems, in chain order
 * @param sctCount Signed Certificate Timestamps embedded in the leaf, {@code null}
 * without a chain
 * @param mustStaple whether the leaf demands OCSP stapling, {@code null} without a chain
 */
public record ChainReportDetails(List<ChainIssue> issues, @Nullable Integer sctCount, @Nullable Boolean mustStaple) {

	/** No chain was received. */
	public static final ChainReportDetails NONE = new ChainReportDetails(List.of(), null, null);

	public ChainReportDetails {
		issues = List.copyOf(issues);
	}

}
