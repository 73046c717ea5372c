package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CertificateDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanOutcome;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.TrustResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	@Test
	void trustedMatchingLongLivedCertificateIsOk() {
		ScanDetails scan = scan(ok(TrustResult.TRUSTED, true, NOW.plus(Duration.ofDays(90))));

		List<FindingDetails> findings = FindingRules.judge(scan, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("CHAIN_TRUSTED");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.OK);
	}

	@Test
	void expiryWithinThirtyDaysIsAWarningAndWithinSevenCritical() {
		ScanDetails soon = scan(ok(TrustResult.TRUSTED, true, NOW.plus(Duration.ofDays(20))));
		ScanDetails verySoon = scan(ok(TrustResult.TRUSTED, true, NOW.plus(Duration.ofDays(3).plusHours(1))));

		List<FindingDetails> soonFindings = FindingRules.judge(soon, NOW);
		List<FindingDetails> verySoonFindings = FindingRules.judge(verySoon, NOW);

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
		ScanDetails scan = scan(ok(TrustResult.UNTRUSTED, true, NOW.minus(Duration.ofDays(1))));

		List<FindingDetails> findings = FindingRules.judge(scan, NOW);

		assertThat(findings).extracting(FindingDetails::code)
			.containsExactlyInAnyOrder("CHAIN_UNTRUSTED", "CERT_EXPIRED");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void hostnameMismatchIsCritical() {
		ScanDetails scan = scan(ok(TrustResult.TRUSTED, false, NOW.plus(Duration.ofDays(90))));

		List<FindingDetails> findings = FindingRules.judge(scan, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("HOSTNAME_MISMATCH", "CHAIN_TRUSTED");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
	}

	@Test
	void noAddressReachedIsUnreachable() {
		AddressResult refused = new AddressResult("127.0.0.1", ScanOutcome.CONNECTION_REFUSED, "Connection refused",
				null, null, null, null, TrustResult.UNKNOWN, null, null, List.of(), List.of());
		ScanDetails scan = scan(refused);

		List<FindingDetails> findings = FindingRules.judge(scan, NOW);

		assertThat(findings).extracting(FindingDetails::code).containsExactly("UNREACHABLE");
		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.UNREACHABLE);
	}

	@Test
	void oneReachableAddressOfTwoIsNotUnreachable() {
		AddressResult refused = new AddressResult("127.0.0.2", ScanOutcome.TIMEOUT, "timed out", null, null, null, null,
				TrustResult.UNKNOWN, null, null, List.of(), List.of());
		ScanDetails scan = scan(ok(TrustResult.TRUSTED, true, NOW.plus(Duration.ofDays(90))), refused);

		List<FindingDetails> findings = FindingRules.judge(scan, NOW);

		assertThat(FindingRules.status(scan, findings)).isEqualTo(EndpointStatus.CRITICAL);
		assertThat(findings.get(0).address()).isEqualTo("127.0.0.2");
	}

	private static ScanDetails scan(AddressResult... results) {
		return new ScanDetails(1, 2, ScanTrigger.MANUAL, NOW, NOW, ScanOutcome.OK, null, List.of(results));
	}

	private static AddressResult ok(TrustResult trust, boolean matches, Instant notAfter) {
		CertificateDetails leaf = new CertificateDetails("ab".repeat(32), "CN=example.test", "CN=Test CA", "01",
				List.of("DNS:example.test"), notAfter.minus(Duration.ofDays(365)), notAfter, "EC", 256,
				"SHA256withECDSA", false, "-----BEGIN CERTIFICATE-----");
		return new AddressResult("127.0.0.1", ScanOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5, trust,
				null, matches, List.of(leaf), List.of());
	}

}
