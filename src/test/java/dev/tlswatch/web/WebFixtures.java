package dev.tlswatch.web;

import dev.tlswatch.finding.ExpiryThreshold;
import dev.tlswatch.finding.ExpiryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CertificateDetails;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.ProtocolVersion;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanOutcome;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.TrustResult;
import dev.tlswatch.scan.VersionOutcome;
import dev.tlswatch.scan.VersionResult;

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

	private WebFixtures() {
	}

	static EndpointDetails endpoint(long id, String host) {
		return new EndpointDetails(id, host, 443, TlsMode.IMPLICIT, null, 60, true, List.of("prod"),
				NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)));
	}

	static LatestScanSummary summary(long endpointId, Instant leafNotAfter) {
		return new LatestScanSummary(endpointId, 1000 + endpointId, NOW.minus(Duration.ofHours(3)), ScanOutcome.OK,
				"TLSv1.3", "TLS_AES_128_GCM_SHA256", leafNotAfter);
	}

	static CertificateDetails certificate(String sha256, String subject, String issuer, Instant notAfter) {
		return new CertificateDetails(sha256, subject, issuer, "0A1B2C", List.of("DNS:example.com", "IP:192.0.2.1"),
				NOW.minus(Duration.ofDays(60)), notAfter, "RSA", 2048, "SHA256withRSA", false,
				"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
	}

	static AddressResult okResult(String address, List<CertificateDetails> chain) {
		return okResult(address, chain, List.of());
	}

	static AddressResult okResult(String address, List<CertificateDetails> chain, List<VersionResult> versions) {
		return new AddressResult(address, ScanOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 3, 42,
				TrustResult.TRUSTED, null, true, chain, ChainReportDetails.NONE, versions, null, 6, null);
	}

	static AddressResult failedResult(String address, String error) {
		return new AddressResult(address, ScanOutcome.CONNECTION_REFUSED, error, null, null, null, null,
				TrustResult.UNKNOWN, null, null, List.of());
	}

	static VersionResult version(ProtocolVersion version, VersionOutcome outcome, String detail) {
		return new VersionResult(version, outcome, detail);
	}

	static ScanDetails scan(long id, long endpointId, List<AddressResult> results) {
		ScanOutcome outcome = results.stream().anyMatch((result) -> result.outcome() == ScanOutcome.OK) ? ScanOutcome.OK
				: results.get(0).outcome();
		return new ScanDetails(id, endpointId, ScanTrigger.SCHEDULED, NOW.minus(Duration.ofHours(3)),
				NOW.minus(Duration.ofHours(3)).plusMillis(250), outcome,
				(outcome != ScanOutcome.OK) ? results.get(0).error() : null, results);
	}

}
