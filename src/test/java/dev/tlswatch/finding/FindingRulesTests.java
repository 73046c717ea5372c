package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTrigger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FindingRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private static final ExpiryPolicy POLICY = new ExpiryPolicy(
			Stream.of("30", "14", "7", "3", "1").map(ExpiryThreshold::parse).toList(), Duration.ofDays(7));

	@Test
	void trustedMatchingLongLivedCertificateIsOk() {
		ScanDetails scan = scan(ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90))));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("CHAIN_TRUSTED");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.OK);
	}

	@Test
	void expiryWithinThirtyDaysIsAWarningAndWithinSevenCritical() {
		ScanDetails soon = scan(ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(20))));
		ScanDetails verySoon = scan(ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(3).plusHours(1))));

		List<FindingDetails> soonFindings = FindingRules.judge(soon, POLICY, NOW);
		List<FindingDetails> verySoonFindings = FindingRules.judge(verySoon, POLICY, NOW);

		assertThat(soonFindings).first()
			.satisfies((finding) -> assertThat(finding.code()).isEqualTo("CERT_EXPIRING"))
			.satisfies((finding) -> assertThat(finding.message())
				.isEqualTo("The certificate expires in 20 days (2026-12-17)."));
		assertThat(FindingRules.status(soon, soonFindings)).isEqualTo(EndpointStatus.WARNING);
		assertThat(verySoonFindings.get(0).severity()).isEqualTo(Severity.CRITICAL);
		assertThat(FindingRules.status(verySoon, verySoonFindings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void untrustedCertificateStillHasItsExpiryJudged() {
		ScanDetails scan = scan(ok(TrustStatus.UNTRUSTED, true, NOW.minus(Duration.ofDays(1))));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code)
			.containsExactlyInAnyOrder("CHAIN_UNTRUSTED", "CERT_EXPIRED");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void hostnameMismatchIsCritical() {
		ScanDetails scan = scan(ok(TrustStatus.TRUSTED, false, NOW.plus(Duration.ofDays(90))));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("HOSTNAME_MISMATCH", "CHAIN_TRUSTED");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void noAddressReachedIsUnreachable() {
		AddressResult refused = new AddressResult("127.0.0.1", HandshakeOutcome.CONNECTION_REFUSED,
				"Connection refused", null, null, null, null, TrustStatus.UNKNOWN, null, null, List.of());
		ScanDetails scan = scan(refused);

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("UNREACHABLE");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.UNREACHABLE);
	}

	@Test
	void startTlsFailureIsCriticalAndQuotesTheServer() {
		AddressResult refused = new AddressResult("127.0.0.1", HandshakeOutcome.STARTTLS_FAILED,
				"SMTP server refused STARTTLS: \"454 4.7.0 TLS not available\"", null, null, 2, null,
				TrustStatus.UNKNOWN, null, null, List.of());
		ScanDetails scan = scan(refused);

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("STARTTLS_FAILED");
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.message()).isEqualTo(
					"STARTTLS with 127.0.0.1 failed: SMTP server refused STARTTLS: \"454 4.7.0 TLS not available\"");
		});
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void oneReachableAddressOfTwoIsNotUnreachable() {
		AddressResult refused = new AddressResult("127.0.0.2", HandshakeOutcome.TIMEOUT, "timed out", null, null, null,
				null, TrustStatus.UNKNOWN, null, null, List.of());
		ScanDetails scan = scan(ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90))), refused);

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
		assertThat(findings.get(0).address()).isEqualTo("127.0.0.2");
	}

	@Test
	void insecureOrWeakNegotiatedCipherSuiteIsAFinding() {
		AddressResult rc4 = withCipher(ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90))),
				"SSL_RSA_WITH_RC4_128_SHA");
		AddressResult cbc = withCipher(ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90))),
				"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");

		List<FindingDetails> insecure = FindingRules.judge(scan(rc4), POLICY, NOW);
		List<FindingDetails> weak = FindingRules.judge(scan(cbc), POLICY, NOW);

		assertThat(insecure.get(0).code()).isEqualTo("INSECURE_CIPHER");
		assertThat(insecure.get(0).message())
			.isEqualTo("The server chose the insecure cipher suite TLS_RSA_WITH_RC4_128_SHA (RC4).");
		assertThat(FindingRules.status(scan(rc4), insecure)).isEqualTo(EndpointStatus.CRITICAL);
		assertThat(weak).extracting(FindingDetails::code).containsExactly("WEAK_CIPHER", "CHAIN_TRUSTED");
		assertThat(weak.get(0).message()).contains("CBC mode without AEAD");
		assertThat(FindingRules.status(scan(cbc), weak)).isEqualTo(EndpointStatus.WARNING);
	}

	@Test
	void chainProblemsAreFindings() {
		AddressResult base = ok(TrustStatus.UNTRUSTED, true, NOW.plus(Duration.ofDays(90)));
		ChainReportDetails report = new ChainReportDetails(
				List.of(new ChainIssue(ChainIssue.Type.INCOMPLETE, 0, "The issuer of CN=a was not sent."),
						new ChainIssue(ChainIssue.Type.WEAK_KEY, 0, "CN=a has a 1024-bit RSA key."),
						new ChainIssue(ChainIssue.Type.NO_SERVER_AUTH, 0, "CN=a is not for TLS servers."),
						new ChainIssue(ChainIssue.Type.EXPIRED, 1, "CN=b expired.")),
				2, false);
		AddressResult result = new AddressResult(base.address(), base.outcome(), null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 1, 5, TrustStatus.UNTRUSTED, "no path", true, base.chain(), report, List.of(),
				null, 1, null);

		List<FindingDetails> findings = FindingRules.judge(scan(result), POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code)
			.containsExactly("CHAIN_UNTRUSTED", "NOT_FOR_SERVERS", "CHAIN_INCOMPLETE", "WEAK_KEY");
		assertThat(findings).filteredOn((finding) -> finding.code().equals("CHAIN_INCOMPLETE"))
			.extracting(FindingDetails::message)
			.containsExactly("The chain is incomplete: The issuer of CN=a was not sent.");
	}

	@Test
	void addressesServingDifferentCertificatesDisagree() {
		AddressResult first = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		AddressResult second = new AddressResult("127.0.0.2", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 1, 5, TrustStatus.TRUSTED, null, true,
				List.of(new CertificateInfo("cd".repeat(32), "CN=example.test", "CN=Test CA", "02", List.of(), NOW,
						NOW.plus(Duration.ofDays(90)), "EC", 256, "SHA256withECDSA", false,
						"-----BEGIN CERTIFICATE-----")));

		List<FindingDetails> agreeing = FindingRules.judge(scan(first, first), POLICY, NOW);
		List<FindingDetails> disagreeing = FindingRules.judge(scan(first, second), POLICY, NOW);

		assertThat(agreeing).extracting(FindingDetails::code).doesNotContain("ADDRESSES_DISAGREE");
		assertThat(disagreeing).filteredOn((finding) -> finding.code().equals("ADDRESSES_DISAGREE"))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.message()).isEqualTo(
					"The addresses of this name serve different certificates: 127.0.0.1 serves abababababababab, 127.0.0.2 serves cdcdcdcdcdcdcdcd."));
	}

	private static AddressResult withCipher(AddressResult result, String cipherSuite) {
		return new AddressResult(result.address(), result.outcome(), result.error(), "TLSv1.2", cipherSuite,
				result.connectMillis(), result.handshakeMillis(), result.trust(), result.trustError(),
				result.hostnameMatches(), result.chain());
	}

	@Test
	void modernVersionsOnlyAreListedForInformation() {
		ScanDetails scan = scan(withVersions(VersionVerdict.REJECTED, VersionVerdict.REJECTED, VersionVerdict.REJECTED,
				VersionVerdict.ACCEPTED, VersionVerdict.ACCEPTED));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("CHAIN_TRUSTED", "PROTOCOLS");
		assertThat(findings.get(1)).isEqualTo(new FindingDetails(FindingKind.PROTOCOLS, Severity.INFO, "127.0.0.1",
				"Protocol versions accepted: TLS 1.2, TLS 1.3."));
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.OK);
	}

	@Test
	void acceptedTls10And11AreAWarningNamingThem() {
		ScanDetails scan = scan(withVersions(VersionVerdict.REJECTED, VersionVerdict.ACCEPTED, VersionVerdict.ACCEPTED,
				VersionVerdict.ACCEPTED, VersionVerdict.REJECTED));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings.get(0)).isEqualTo(new FindingDetails(FindingKind.WEAK_PROTOCOL, Severity.WARNING,
				"127.0.0.1", "Deprecated protocol versions are accepted: TLS 1.0, TLS 1.1."));
		assertThat(findings).extracting(FindingDetails::message)
			.contains("Protocol versions accepted: TLS 1.0, TLS 1.1, TLS 1.2.");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.WARNING);
	}

	@Test
	void acceptedSsl3IsCritical() {
		ScanDetails scan = scan(withVersions(VersionVerdict.ACCEPTED, VersionVerdict.ACCEPTED, VersionVerdict.REJECTED,
				VersionVerdict.REJECTED, VersionVerdict.REJECTED));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings.get(0)).isEqualTo(new FindingDetails(FindingKind.WEAK_PROTOCOL, Severity.CRITICAL,
				"127.0.0.1", "Deprecated protocol versions are accepted: SSL 3.0, TLS 1.0."));
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void acceptedSsl2IsCritical() {
		ScanDetails scan = scan(withVersions(VersionVerdict.ACCEPTED, VersionVerdict.REJECTED, VersionVerdict.REJECTED,
				VersionVerdict.REJECTED, VersionVerdict.ACCEPTED, VersionVerdict.REJECTED));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings.get(0)).isEqualTo(new FindingDetails(FindingKind.WEAK_PROTOCOL, Severity.CRITICAL,
				"127.0.0.1", "Deprecated protocol versions are accepted: SSL 2.0."));
		assertThat(findings).extracting(FindingDetails::message)
			.contains("Protocol versions accepted: SSL 2.0, TLS 1.2.");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void versionsNotKnownAreNeverWeak() {
		ScanDetails scan = scan(withVersions(VersionVerdict.TIMEOUT, VersionVerdict.ERROR, VersionVerdict.ERROR,
				VersionVerdict.ACCEPTED, VersionVerdict.TIMEOUT));

		List<FindingDetails> findings = FindingRules.judge(scan, POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::code).doesNotContain("WEAK_PROTOCOL");
		assertThat(findings).extracting(FindingDetails::message)
			.contains("Protocol versions accepted: TLS 1.2. Could not test: SSL 3.0, TLS 1.0, TLS 1.1, TLS 1.3.");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.OK);
	}

	@Test
	void noVersionSeenAcceptedIsSaidSo() {
		ScanDetails scan = scan(withVersions(VersionVerdict.REJECTED, VersionVerdict.REJECTED, VersionVerdict.REJECTED,
				VersionVerdict.ERROR, VersionVerdict.ERROR));

		assertThat(FindingRules.judge(scan, POLICY, NOW)).extracting(FindingDetails::message)
			.contains("No protocol version was seen accepted. Could not test: TLS 1.2, TLS 1.3.");
	}

	@Test
	void mustStapleLeafWithoutAStapleIsCritical() {
		AddressResult unstapled = stapling(true, false);

		List<FindingDetails> findings = FindingRules.judge(scan(unstapled), POLICY, NOW);

		assertThat(findings.get(0).code()).isEqualTo("MUST_STAPLE_WITHOUT_STAPLE");
		assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
		assertThat(FindingRules.status(scan(unstapled), findings)).isEqualTo(EndpointStatus.CRITICAL);
		assertThat(FindingRules.judge(scan(stapling(true, true)), POLICY, NOW)).extracting(FindingDetails::code)
			.doesNotContain("MUST_STAPLE_WITHOUT_STAPLE");
		assertThat(FindingRules.judge(scan(stapling(false, false)), POLICY, NOW)).extracting(FindingDetails::code)
			.doesNotContain("MUST_STAPLE_WITHOUT_STAPLE");
		assertThat(FindingRules.judge(scan(stapling(true, null)), POLICY, NOW)).extracting(FindingDetails::code)
			.doesNotContain("MUST_STAPLE_WITHOUT_STAPLE");
	}

	@Test
	void malformedHstsIsAWarningAndMissingHstsInformation() {
		List<FindingDetails> malformed = FindingRules.judge(scan(withHsts(HstsDetails.observed(Hsts.Verdict.MALFORMED,
				null, false, false, "max-age=soon", "max-age is not a number"))), POLICY, NOW);
		List<FindingDetails> absent = FindingRules.judge(
				scan(withHsts(HstsDetails.observed(Hsts.Verdict.ABSENT, null, false, false, null, "HTTP 200"))), POLICY,
				NOW);
		List<FindingDetails> enabled = FindingRules.judge(scan(withHsts(
				HstsDetails.observed(Hsts.Verdict.ENABLED, 31_536_000L, true, false, "max-age=31536000", null))),
				POLICY, NOW);
		List<FindingDetails> notApplicable = FindingRules
			.judge(scan(withHsts(HstsDetails.none(Observed.Status.NOT_APPLICABLE, "not HTTP"))), POLICY, NOW);

		assertThat(malformed.get(0))
			.isEqualTo(new FindingDetails(FindingKind.HSTS_MALFORMED, Severity.WARNING, "127.0.0.1",
					"The Strict-Transport-Security header is invalid, so browsers ignore it: max-age is not a number"));
		assertThat(absent).extracting(FindingDetails::code).contains("HSTS_ABSENT");
		assertThat(absent).filteredOn((finding) -> finding.code().equals("HSTS_ABSENT"))
			.extracting(FindingDetails::severity)
			.containsExactly(Severity.INFO);
		assertThat(enabled).extracting(FindingDetails::code).doesNotContain("HSTS_ABSENT", "HSTS_MALFORMED");
		assertThat(notApplicable).extracting(FindingDetails::code).doesNotContain("HSTS_ABSENT", "HSTS_MALFORMED");
	}

	@Test
	void aServerRequiringAClientCertificateTheEndpointLacksIsThatFindingNotABrokenHandshake() {
		AddressResult base = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		AddressResult required = new AddressResult(base.address(), HandshakeOutcome.TLS_FAILURE,
				"The server requires a client certificate and none is configured (bad_certificate)", null, null, 1,
				null, TrustStatus.TRUSTED, null, true, base.chain(), ChainReportDetails.NONE, List.of(), null, 7, null,
				null, null, true, List.of("CN=Client CA,O=Example"));
		AddressResult broken = new AddressResult(base.address(), HandshakeOutcome.TLS_FAILURE, "handshake_failure",
				null, null, 1, null, TrustStatus.UNKNOWN, null, null, List.of(), ChainReportDetails.NONE, List.of(),
				null, 7, null, null, null, null, List.of());

		List<FindingDetails> findings = FindingRules.judge(scan(required), POLICY, NOW);

		assertThat(findings).extracting(FindingDetails::kind)
			.contains(FindingKind.CLIENT_CERTIFICATE_REQUIRED, FindingKind.CHAIN_TRUSTED)
			.doesNotContain(FindingKind.TLS_HANDSHAKE_FAILED);
		FindingDetails finding = findings.stream()
			.filter((candidate) -> candidate.kind() == FindingKind.CLIENT_CERTIFICATE_REQUIRED)
			.findFirst()
			.orElseThrow();
		assertThat(finding.severity()).isEqualTo(Severity.WARNING);
		assertThat(finding.message()).startsWith("Client certificate required: ")
			.endsWith("It accepts certificates from CN=Client CA,O=Example.");
		assertThat(FindingRules.judge(scan(broken), POLICY, NOW)).extracting(FindingDetails::kind)
			.contains(FindingKind.TLS_HANDSHAKE_FAILED)
			.doesNotContain(FindingKind.CLIENT_CERTIFICATE_REQUIRED);
	}

	private static AddressResult stapling(boolean mustStaple, @Nullable Boolean stapled) {
		AddressResult base = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		return new AddressResult(base.address(), base.outcome(), null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5,
				TrustStatus.TRUSTED, null, true, base.chain(), new ChainReportDetails(List.of(), 0, mustStaple),
				List.of(), null, 1, null, stapled, null);
	}

	@Test
	void vulnerabilitiesFoundAreFindingsWithTheirSeverityAndThoseNotTestedAreNone() {
		AddressResult base = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		AddressResult result = new AddressResult(base.address(), base.outcome(), null, "TLSv1.2",
				"TLS_RSA_WITH_AES_128_CBC_SHA", 1, 5, TrustStatus.TRUSTED, null, true, base.chain(),
				new ChainReportDetails(List.of(), 0, false), List.of(), null, 1, null, true, null, null, List.of(),
				List.of(VulnerabilityResult.vulnerable(Vulnerability.HEARTBLEED, "Answered with 1043 bytes", 1),
						VulnerabilityResult.vulnerable(Vulnerability.SWEET32,
								"64-bit block cipher accepted: TLS_RSA_WITH_3DES_EDE_CBC_SHA", 0),
						VulnerabilityResult.vulnerable(Vulnerability.LUCKY13, "CBC suite accepted", 0),
						VulnerabilityResult.notTested(Vulnerability.TICKETBLEED, "No check for it", 0),
						VulnerabilityResult.notVulnerable(Vulnerability.ROBOT, "No RSA key exchange suite", 0)));

		List<FindingDetails> findings = FindingRules.judge(scan(result), POLICY, NOW);

		assertThat(findings).filteredOn((finding) -> finding.code().startsWith("VULNERABILITY_"))
			.extracting(FindingDetails::code, FindingDetails::severity)
			.containsExactly(tuple("VULNERABILITY_HEARTBLEED", Severity.CRITICAL),
					tuple("VULNERABILITY_SWEET32", Severity.WARNING), tuple("VULNERABILITY_LUCKY13", Severity.INFO));
		assertThat(findings).filteredOn((finding) -> finding.code().equals("VULNERABILITY_HEARTBLEED"))
			.extracting(FindingDetails::message)
			.containsExactly("Vulnerable to Heartbleed (CVE-2014-0160): Answered with 1043 bytes.");
		assertThat(FindingRules.status(scan(result), findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void eachVulnerabilityHasItsOwnKindNamedAfterItsId() {
		assertThat(Arrays.stream(Vulnerability.values()).map(FindingKind::of).map(FindingKind::name))
			.doesNotHaveDuplicates()
			.allSatisfy((name) -> assertThat(name).startsWith("VULNERABILITY_"));
		assertThat(FindingKind.of(Vulnerability.CLIENT_RENEGOTIATION))
			.isEqualTo(FindingKind.VULNERABILITY_CLIENT_RENEGOTIATION);
		assertThat(Arrays.stream(Vulnerability.values()).map(FindingKind::of).map(FindingKind::defaultSeverity))
			.containsExactly(Severity.CRITICAL, Severity.CRITICAL, Severity.CRITICAL, Severity.CRITICAL,
					Severity.WARNING, Severity.CRITICAL, Severity.WARNING, Severity.CRITICAL, Severity.CRITICAL,
					Severity.CRITICAL, Severity.INFO, Severity.INFO);
	}

	@Test
	void revokedCertificateIsCriticalAndUnknownIsInformation() {
		AddressResult base = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		Instant revokedAt = NOW.minus(Duration.ofDays(2));
		AddressResult revoked = base.withRevocation(new RevocationReport(
				List.of(Revocation.revoked(Revocation.Source.OCSP, "keyCompromise", revokedAt, "Revoked"))));
		AddressResult unknown = base
			.withRevocation(new RevocationReport(List.of(Revocation.unknown("no pointer: nothing to ask"))));
		AddressResult good = base
			.withRevocation(new RevocationReport(List.of(Revocation.good(Revocation.Source.STAPLE, "Good"))));

		List<FindingDetails> fromRevoked = FindingRules.judge(scan(revoked), POLICY, NOW);
		List<FindingDetails> fromUnknown = FindingRules.judge(scan(unknown), POLICY, NOW);

		assertThat(fromRevoked).filteredOn((finding) -> finding.kind() == FindingKind.CERT_REVOKED)
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
				assertThat(finding.subject()).isEqualTo(base.chain().get(0).sha256());
				assertThat(finding.message()).isEqualTo("The certificate CN=example.test was revoked on " + revokedAt
						+ " (keyCompromise) according to the OCSP responder.");
			});
		assertThat(FindingRules.status(scan(revoked), fromRevoked)).isEqualTo(EndpointStatus.CRITICAL);
		assertThat(fromUnknown).filteredOn((finding) -> finding.kind() == FindingKind.REVOCATION_UNKNOWN)
			.extracting(FindingDetails::severity, FindingDetails::message)
			.containsExactly(
					tuple(Severity.INFO, "The revocation status could not be learned: no pointer: nothing to ask"));
		assertThat(fromUnknown).extracting(FindingDetails::kind).doesNotContain(FindingKind.CERT_REVOKED);
		assertThat(FindingRules.judge(scan(good), POLICY, NOW)).extracting(FindingDetails::kind)
			.doesNotContain(FindingKind.CERT_REVOKED, FindingKind.REVOCATION_UNKNOWN);
	}

	private static AddressResult withHsts(HstsDetails hsts) {
		AddressResult base = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		return new AddressResult(base.address(), base.outcome(), null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5,
				TrustStatus.TRUSTED, null, true, base.chain(), new ChainReportDetails(List.of(), 0, false), List.of(),
				null, 1, null, true, hsts);
	}

	private static ScanDetails scan(AddressResult... results) {
		return new ScanDetails(1, 2, ScanTrigger.MANUAL, NOW, NOW, HandshakeOutcome.OK, null, List.of(results));
	}

	private static AddressResult ok(TrustStatus trust, boolean matches, Instant notAfter) {
		CertificateInfo leaf = new CertificateInfo("ab".repeat(32), "CN=example.test", "CN=Test CA", "01",
				List.of("DNS:example.test"), notAfter.minus(Duration.ofDays(365)), notAfter, "EC", 256,
				"SHA256withECDSA", false, "-----BEGIN CERTIFICATE-----");
		return new AddressResult("127.0.0.1", HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5,
				trust, null, matches, List.of(leaf));
	}

	/**
	 * A trusted address with one outcome per version, the newest last: SSL 3.0 first for
	 * five outcomes, SSL 2.0 first for six.
	 */
	private static AddressResult withVersions(VersionVerdict... outcomes) {
		AddressResult trusted = ok(TrustStatus.TRUSTED, true, NOW.plus(Duration.ofDays(90)));
		List<VersionSupport> versions = new ArrayList<>();
		int skipped = TlsVersion.values().length - outcomes.length;
		for (TlsVersion version : TlsVersion.values()) {
			if (version.ordinal() >= skipped) {
				versions.add(new VersionSupport(version, outcomes[version.ordinal() - skipped], null));
			}
		}
		return new AddressResult(trusted.address(), trusted.outcome(), null, trusted.protocol(), trusted.cipherSuite(),
				1, 5, trusted.trust(), null, true, trusted.chain(), ChainReportDetails.NONE, versions, null, 6, null);
	}

}
