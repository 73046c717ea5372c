package dev.tlswatch.finding;

import java.util.List;
import java.util.Objects;

import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ScanDetails;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard counts and filters by, read once from a judged scan and stored with
 * the endpoint's status ({@code finding_status}), so that no page ranks the addresses of
 * every latest scan per request.
 *
 * @param grade the worst grade of the scan's addresses, {@code null} without a grade
 * @param up whether some address completed a TLS handshake
 * @param probed whether some address has protocol-version results
 * @param ssl2 whether some address accepted SSL 2.0
 * @param ssl3 whether some address accepted SSL 3.0
 * @param tls10 whether some address accepted TLS 1.0
 * @param tls11 whether some address accepted TLS 1.1
 * @param tls12 whether some address accepted TLS 1.2
 * @param tls13 whether some address accepted TLS 1.3
 * @param postQuantum whether some address accepted a post-quantum hybrid group
 */
record EndpointState(@Nullable String grade, boolean up, boolean probed, boolean ssl2, boolean ssl3, boolean tls10,
		boolean tls11, boolean tls12, boolean tls13, boolean postQuantum) {

	static EndpointState of(ScanDetails scan) {
		List<AddressResult> results = scan.results();
		return new EndpointState(worstGrade(results), scan.outcome() == HandshakeOutcome.OK,
				results.stream().anyMatch((result) -> !result.versions().isEmpty()),
				accepts(results, TlsVersion.SSL_2_0), accepts(results, TlsVersion.SSL_3_0),
				accepts(results, TlsVersion.TLS_1_0), accepts(results, TlsVersion.TLS_1_1),
				accepts(results, TlsVersion.TLS_1_2), accepts(results, TlsVersion.TLS_1_3),
				results.stream()
					.anyMatch((result) -> result.cipherSupport() != null
							&& Objects.requireNonNull(result.cipherSupport()).postQuantum()));
	}

	/**
	 * The grade's rank in {@link GradeOrder#BEST_FIRST}.
	 * @return the rank, {@code null} without a grade
	 */
	@Nullable Integer gradeRank() {
		return (this.grade != null) ? GradeOrder.rank(this.grade) : null;
	}

	private static @Nullable String worstGrade(List<AddressResult> results) {
		return results.stream()
			.filter((result) -> result.grade() != null)
			.map((result) -> Objects.requireNonNull(result.grade()).letter().displayName())
			.max((a, b) -> Integer.compare(GradeOrder.rank(a), GradeOrder.rank(b)))
			.orElse(null);
	}

	private static boolean accepts(List<AddressResult> results, TlsVersion version) {
		return results.stream()
			.flatMap((result) -> result.versions().stream())
			.anyMatch((support) -> support.version() == version && support.verdict() == VersionVerdict.ACCEPTED);
	}

}
