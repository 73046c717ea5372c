package dev.tlswatch.probe.cert;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.tlswatch.probe.AddressPolicy;
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
	 * Analyse a chain. When the options allow it ({@link ProbeOptions#issuerFetch()}), an
	 * issuer the server did not send is fetched from the caIssuers URL of the highest
	 * sent certificate: it tells a missing intermediate from an untrusted root, and the
	 * trust verdict is then built with it (as browsers that fetch it do).
	 * @param chain the certificates exactly as sent, leaf first; empty when none was
	 * received
	 * @param expectedName the DNS name or IP literal the leaf must match (RFC 6125)
	 * @param options the extra trust anchors, the clock and the fetch policy
	 * @return the analysis
	 */
	public static ChainAnalysis of(List<X509Certificate> chain, String expectedName, ProbeOptions options) {
		List<CertificateInfo> facts = chain.stream().map(CertificateFacts::describe).toList();
		Set<TrustAnchor> anchors = TrustEvaluator.anchors(options.extraTrustAnchors());
		IssuerFetch.Walk fetched = fetchMissing(chain, anchors, options);
		List<X509Certificate> candidates = new ArrayList<>(chain);
		candidates.addAll(fetched.fetched());
		TrustEvaluator.Verdict verdict = TrustEvaluator.evaluate(candidates, options.extraTrustAnchors(),
				options.clock().instant());
		Boolean hostnameMatches = chain.isEmpty() ? null : HostnameMatcher.matches(chain.get(0), expectedName);
		return new ChainAnalysis(facts, verdict.status(), verdict.error(), hostnameMatches,
				report(chain, anchors, fetched, options));
	}

	private static IssuerFetch.Walk fetchMissing(List<X509Certificate> chain, Set<TrustAnchor> anchors,
			ProbeOptions options) {
		AddressPolicy policy = options.issuerFetch();
		if (policy == null || chain.isEmpty()) {
			return IssuerFetch.Walk.NONE;
		}
		X509Certificate top = ChainInspector.top(chain);
		if (CertificateFacts.isSelfSigned(top) || ChainInspector.anchoredBy(top, anchors)) {
			return IssuerFetch.Walk.NONE;
		}
		return IssuerFetch.walk(top, anchors, policy, options);
	}

	private static ChainReport report(List<X509Certificate> chain, Set<TrustAnchor> anchors, IssuerFetch.Walk fetched,
			ProbeOptions options) {
		if (chain.isEmpty()) {
			return ChainReport.NONE;
		}
		List<ChainIssue> issues = ChainInspector.inspect(chain, anchors, options.clock().instant(), fetched);
		return new ChainReport(issues, LeafExtensions.sctCount(chain.get(0)), LeafExtensions.mustStaple(chain.get(0)));
	}

}
