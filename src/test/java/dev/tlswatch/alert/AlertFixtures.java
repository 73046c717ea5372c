package dev.tlswatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.CertificateDetails;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanOutcome;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.TrustResult;
import dev.tlswatch.scan.VersionResult;
import org.jspecify.annotations.Nullable;

/**
 * Hand-built scans for the alert tests.
 */
final class AlertFixtures {

	static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private AlertFixtures() {
	}

	/** A 90-day leaf that expires the given time after now. */
	static CertificateDetails leaf(String sha256, Duration remaining) {
		return certificate(sha256, "CN=mail.example.com", NOW.plus(remaining).minus(Duration.ofDays(90)),
				NOW.plus(remaining), false);
	}

	static CertificateDetails certificate(String sha256, String subject, Instant notBefore, Instant notAfter,
			boolean selfSigned) {
		return new CertificateDetails(sha256(sha256), subject, "CN=Test CA", "01", List.of("DNS:mail.example.com"),
				notBefore, notAfter, "EC", 256, "SHA256withECDSA", selfSigned,
				"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
	}

	/** A 64-character fingerprint from a short name. */
	static String sha256(String name) {
		return (name.length() >= 64) ? name : name + "0".repeat(64 - name.length());
	}

	static AddressResult ok(String address, List<CertificateDetails> chain) {
		return result(address, TrustResult.TRUSTED, true, chain, ChainReportDetails.NONE, List.of(), null, null);
	}

	static AddressResult result(String address, TrustResult trust, @Nullable Boolean hostnameMatches,
			List<CertificateDetails> chain, ChainReportDetails report, List<VersionResult> versions,
			@Nullable GradeDetails grade, @Nullable CipherSupport support) {
		return new AddressResult(address, ScanOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 3, 12, trust,
				(trust == TrustResult.TRUSTED) ? null : "PKIX path building failed", hostnameMatches, chain, report,
				versions, grade, 4, support);
	}

	static AddressResult refused(String address) {
		return new AddressResult(address, ScanOutcome.CONNECTION_REFUSED, "Connection refused", null, null, null, null,
				TrustResult.UNKNOWN, null, null, List.of());
	}

	static ScanDetails scan(long id, long endpointId, AddressResult... results) {
		return scan(id, endpointId, NOW, results);
	}

	static ScanDetails scan(long id, long endpointId, Instant at, AddressResult... results) {
		List<AddressResult> list = List.of(results);
		ScanOutcome outcome = list.stream().anyMatch((result) -> result.outcome() == ScanOutcome.OK) ? ScanOutcome.OK
				: list.get(0).outcome();
		return new ScanDetails(id, endpointId, ScanTrigger.MANUAL, at.minusSeconds(2), at, outcome,
				(outcome == ScanOutcome.OK) ? null : list.get(0).error(), list);
	}

	static GradeDetails grade(String letter) {
		return new GradeDetails(letter, letter, 90, List.of());
	}

}
