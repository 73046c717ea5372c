package dev.tlswatch.probe.grade;

import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.GradeInput.ServerKey;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;

/**
 * Hand-built grade inputs: a well-configured server to change one thing at a time.
 */
final class GradeInputs {

	static final CipherSuite ECDHE_AES_128_GCM = suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

	static final CipherSuite ECDHE_AES_256_GCM = suite("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

	static final CipherSuite TLS13_AES_128_GCM = suite("TLS_AES_128_GCM_SHA256");

	static final CipherSuite TLS13_AES_256_GCM = suite("TLS_AES_256_GCM_SHA384");

	static final long ONE_YEAR = 31_536_000;

	private GradeInputs() {
	}

	/**
	 * TLS 1.2 and 1.3 with AES-128 and AES-256 GCM over ECDHE (X25519), RSA 2048,
	 * trusted, matching, HSTS for a year: 30 + 27 + 36 = 93, A+.
	 */
	static GradeInput goodServer() {
		return GradeInput.UNKNOWN
			.withAcceptedSuites(Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, ECDHE_AES_256_GCM),
					TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM, TLS13_AES_256_GCM)))
			.withServerKey(new ServerKey("RSA", 2048))
			.withEcdhBits(255)
			.withTrust(TrustStatus.TRUSTED)
			.withHostnameMatches(true)
			.withChainIssues(List.of())
			.withSignatureAlgorithm("SHA256withRSA")
			.withSecureRenegotiation(true)
			.withInsecureRenegotiation(false)
			.withCompression(false)
			.withHstsMaxAge(ONE_YEAR)
			.withFallbackScsv(true)
			.withMustStapleWithoutStaple(false);
	}

	/** The good server, accepting these suites instead (and only their versions). */
	static GradeInput goodServerWith(Map<TlsVersion, List<CipherSuite>> suites) {
		return goodServer().withAcceptedSuites(suites);
	}

	/** The codes of a grade's reasons, worst first. */
	static List<String> codes(Grade grade) {
		return grade.reasons().stream().map(GradeReason::code).toList();
	}

	static CipherSuite suite(String name) {
		return CipherSuites.byName(name).orElseThrow();
	}

}
