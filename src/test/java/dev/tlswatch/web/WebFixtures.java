package dev.tlswatch.web;

import dev.tlswatch.finding.ExpiryThreshold;
import dev.tlswatch.finding.ExpiryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTrigger;

/**
 * Hand-built module API values for the dashboard tests.
 */
final class WebFixtures {

	static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

	/**
	 * The default expiry policy: thresholds 30, 14, 7, 3 and 1 days, critical within 7.
	 */
	static final ExpiryPolicy POLICY = new ExpiryPolicy(
			java.util.stream.Stream.of("30", "14", "7", "3", "1").map(ExpiryThreshold::parse).toList(),
			java.time.Duration.ofDays(7));

	/**
	 * {@link #POLICY} for every endpoint asked for, as {@code Findings.expiryPolicies}
	 * answers.
	 */
	static java.util.Map<Long, ExpiryPolicy> policies(java.util.Collection<Long> endpointIds) {
		java.util.Map<Long, ExpiryPolicy> policies = new java.util.LinkedHashMap<>();
		endpointIds.forEach((id) -> policies.put(id, POLICY));
		return policies;
	}

	private WebFixtures() {
	}

	static EndpointDetails endpoint(long id, String host) {
		return new EndpointDetails(id, host, 443, TlsMode.IMPLICIT, null, 60, true, List.of("prod"),
				NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)));
	}

	static LatestScanSummary summary(long endpointId, Instant leafNotAfter) {
		return new LatestScanSummary(endpointId, 1000 + endpointId, NOW.minus(Duration.ofHours(3)), HandshakeOutcome.OK,
				"TLSv1.3", "TLS_AES_128_GCM_SHA256", leafNotAfter);
	}

	static CertificateInfo certificate(String sha256, String subject, String issuer, Instant notAfter) {
		return new CertificateInfo(sha256, subject, issuer, "0A1B2C", List.of("DNS:example.com", "IP:192.0.2.1"),
				NOW.minus(Duration.ofDays(60)), notAfter, "RSA", 2048, "SHA256withRSA", false,
				"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
	}

	static AddressResult okResult(String address, List<CertificateInfo> chain) {
		return okResult(address, chain, List.of());
	}

	static AddressResult okResult(String address, List<CertificateInfo> chain, List<VersionSupport> versions) {
		return new AddressResult(address, HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 3, 42,
				TrustStatus.TRUSTED, null, true, chain, ChainReportDetails.NONE, versions, null, 6, null);
	}

	static AddressResult failedResult(String address, String error) {
		return new AddressResult(address, HandshakeOutcome.CONNECTION_REFUSED, error, null, null, null, null,
				TrustStatus.UNKNOWN, null, null, List.of());
	}

	static VersionSupport version(TlsVersion version, VersionVerdict outcome, String detail) {
		return new VersionSupport(version, outcome, detail);
	}

	static ScanDetails scan(long id, long endpointId, List<AddressResult> results) {
		HandshakeOutcome outcome = results.stream().anyMatch((result) -> result.outcome() == HandshakeOutcome.OK)
				? HandshakeOutcome.OK : results.get(0).outcome();
		return new ScanDetails(id, endpointId, ScanTrigger.SCHEDULED, NOW.minus(Duration.ofHours(3)),
				NOW.minus(Duration.ofHours(3)).plusMillis(250), outcome,
				(outcome != HandshakeOutcome.OK) ? results.get(0).error() : null, results);
	}

}
