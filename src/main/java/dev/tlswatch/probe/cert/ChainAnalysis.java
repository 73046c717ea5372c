package dev.tlswatch.probe.cert;

import java.security.cert.X509Certificate;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.ChainReport;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.TrustStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a chain as sent says: the facts of each certificate, whether it is trusted and
 * whether the leaf is for the expected name. Opens no connection.
 *
 * @param chain the facts of each certificate, in the order sent
 * @param trust whether the chain is trusted at the clock's instant
 * @param trustError why it is not trusted, {@code null} when trusted or unknown
 * @param hostnameMatches whether the leaf matches the expected name, {@code null} without
 * a certificate
 * @param report what is wrong with the chain, and facts of its leaf
 */
public record ChainAnalysis(List<CertificateInfo> chain, TrustStatus trust, @Nullable String trustError,
		@Nullable Boolean hostnameMatches, ChainReport report) {

	public ChainAnalysis {
		chain = List.copyOf(chain);
	}

	/**
	 * Analyse a chain.
	 * @param chain the certificates exactly as sent, leaf first; empty when none was
	 * received
	 * @param expectedName the DNS name or IP literal the leaf must match (RFC 6125)
	 * @param options the extra trust anchors and the clock
	 * @return the analysis
	 */
	public static ChainAnalysis of(List<X509Certificate> chain, String expectedName, ProbeOptions options) {
		List<CertificateInfo> facts = chain.stream().map(CertificateFacts::describe).toList();
		TrustEvaluator.Verdict verdict = TrustEvaluator.evaluate(chain, options.extraTrustAnchors(),
				options.clock().instant());
		Boolean hostnameMatches = chain.isEmpty() ? null : HostnameMatcher.matches(chain.get(0), expectedName);
		return new ChainAnalysis(facts, verdict.status(), verdict.error(), hostnameMatches, report(chain, options));
	}

	private static ChainReport report(List<X509Certificate> chain, ProbeOptions options) {
		if (chain.isEmpty()) {
			return ChainReport.NONE;
		}
		List<ChainIssue> issues = ChainInspector.inspect(chain, TrustEvaluator.anchors(options.extraTrustAnchors()),
				options.clock().instant());
		return new ChainReport(issues, LeafExtensions.sctCount(chain.get(0)), LeafExtensions.mustStaple(chain.get(0)));
	}

}
