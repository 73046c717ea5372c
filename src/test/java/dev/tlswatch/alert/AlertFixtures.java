package dev.tlswatch.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTrigger;
import org.jspecify.annotations.Nullable;

/**
 * Hand-built scans for the alert tests.
 */
final class AlertFixtures {

	static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private AlertFixtures() {
	}

	/** A 90-day leaf that expires the given time after now. */
	static CertificateInfo leaf(String sha256, Duration remaining) {
		return certificate(sha256, "CN=mail.example.com", NOW.plus(remaining).minus(Duration.ofDays(90)),
				NOW.plus(remaining), false);
	}

	static CertificateInfo certificate(String sha256, String subject, Instant notBefore, Instant notAfter,
			boolean selfSigned) {
		return new CertificateInfo(sha256(sha256), subject, "CN=Test CA", "01", List.of("DNS:mail.example.com"),
				notBefore, notAfter, "EC", 256, "SHA256withECDSA", selfSigned,
				"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
	}

	/** A 64-character fingerprint from a short name. */
	static String sha256(String name) {
		return (name.length() >= 64) ? name : name + "0".repeat(64 - name.length());
	}

	static AddressResult ok(String address, List<CertificateInfo> chain) {
		return result(address, TrustStatus.TRUSTED, true, chain, ChainReportDetails.NONE, List.of(), null, null);
	}

	static AddressResult result(String address, TrustStatus trust, @Nullable Boolean hostnameMatches,
			List<CertificateInfo> chain, ChainReportDetails report, List<VersionSupport> versions,
			@Nullable GradeDetails grade, @Nullable CipherSupport support) {
		return new AddressResult(address, HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 3, 12, trust,
				(trust == TrustStatus.TRUSTED) ? null : "PKIX path building failed", hostnameMatches, chain, report,
				versions, grade, 4, support);
	}

	static AddressResult refused(String address) {
		return new AddressResult(address, HandshakeOutcome.CONNECTION_REFUSED, "Connection refused", null, null, null,
				null, TrustStatus.UNKNOWN, null, null, List.of());
	}

	static ScanDetails scan(long id, long endpointId, AddressResult... results) {
		return scan(id, endpointId, NOW, results);
	}

	static ScanDetails scan(long id, long endpointId, Instant at, AddressResult... results) {
		List<AddressResult> list = List.of(results);
		HandshakeOutcome outcome = list.stream().anyMatch((result) -> result.outcome() == HandshakeOutcome.OK)
				? HandshakeOutcome.OK : list.get(0).outcome();
		return new ScanDetails(id, endpointId, ScanTrigger.MANUAL, at.minusSeconds(2), at, outcome,
				(outcome == HandshakeOutcome.OK) ? null : list.get(0).error(), list);
	}

	static GradeDetails grade(GradeLetter letter) {
		return new GradeDetails(letter, letter, 90, List.of());
	}

}
