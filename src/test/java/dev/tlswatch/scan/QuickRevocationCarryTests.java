package dev.tlswatch.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quick check's revocation status on hand-built results: the quick check's own answer
 * for the chain it saw, the last full probe's when it saw none, and the carried grade
 * following the status shown.
 */
class QuickRevocationCarryTests {

	private static final Instant FULL_PROBE_AT = Instant.parse("2026-12-01T10:00:00Z");

	private static final Instant REVOKED_AT = Instant.parse("2026-12-02T08:30:00Z");

	private static final CertificateInfo LEAF = new CertificateInfo("ab".repeat(32), "CN=example.test", "CN=Test CA",
			"01", List.of("DNS:example.test"), FULL_PROBE_AT.minus(Duration.ofDays(30)),
			FULL_PROBE_AT.plus(Duration.ofDays(60)), "EC", 256, "SHA256withECDSA", false,
			"-----BEGIN CERTIFICATE-----");

	private static final GradeReason HSTS_SHORT = new GradeReason("HSTS_SHORT", "HSTS under six months", GradeLetter.A);

	private static final GradeReason UNTRUSTED = new GradeReason("CERT_UNTRUSTED", "Certificate not trusted",
			GradeLetter.T);

	private static final RevocationReport GOOD = new RevocationReport(
			List.of(Revocation.good(Revocation.Source.OCSP, "Good (OCSP)")));

	private static final RevocationReport REVOKED = new RevocationReport(
			List.of(Revocation.revoked(Revocation.Source.OCSP, "keyCompromise", REVOKED_AT, "Revoked (OCSP)")));

	@Test
	void aCertificateRevokedSinceTheFullProbeIsShownAndCapsTheCarriedGrade() {
		AddressResult full = full(new GradeDetails(GradeLetter.A, GradeLetter.A, 92.5, List.of(HSTS_SHORT)), GOOD);

		AddressResult carried = full.carriedInto(quick(List.of(LEAF), REVOKED), FULL_PROBE_AT);

		assertThat(carried.revocation()).isEqualTo(REVOKED);
		assertThat(carried.revocationDetails().status()).isEqualTo("REVOKED");
		assertThat(carried.grade()).isNotNull();
		assertThat(carried.grade().letter()).isEqualTo(GradeLetter.T);
		assertThat(carried.grade().ignoringTrust()).isEqualTo(GradeLetter.A);
		assertThat(carried.grade().score()).isEqualTo(92.5);
		assertThat(carried.grade().reasons()).extracting(GradeReason::code)
			.containsExactly("CERT_REVOKED", "HSTS_SHORT");
		assertThat(carried.versions()).isEqualTo(full.versions());
		assertThat(carried.fullProbeAt()).isEqualTo(FULL_PROBE_AT);
	}

	@Test
	void aRevokedChainStaysRevokedAndTheGradeUnchangedThroughAQuickCheck() {
		AddressResult full = full(revokedGrade(List.of(HSTS_SHORT)), REVOKED);

		AddressResult carried = full.carriedInto(quick(List.of(LEAF), REVOKED), FULL_PROBE_AT);

		assertThat(carried.revocation()).isEqualTo(REVOKED);
		assertThat(carried.grade()).isEqualTo(full.grade());
	}

	@Test
	void aQuickCheckThatSawNoChainCarriesTheFullProbesRevocation() {
		AddressResult full = full(revokedGrade(List.of(HSTS_SHORT)), REVOKED);
		AddressResult noChain = new AddressResult("127.0.0.1", HandshakeOutcome.TLS_FAILURE, "handshake_failure", null,
				null, 1, 3, TrustStatus.UNKNOWN, null, null, List.of(), ChainReportDetails.NONE, List.of(), null, 1,
				null, null, null, null, List.of(), List.of(), "ff".repeat(32), null, null,
				new RevocationReport(List.of()));

		AddressResult carried = full.carriedInto(noChain, FULL_PROBE_AT);

		assertThat(carried.revocation()).isEqualTo(REVOKED);
		assertThat(carried.revocationDetails().status()).isEqualTo("REVOKED");
		assertThat(carried.grade()).isEqualTo(full.grade());
	}

	@Test
	void aChainNoLongerRevokedGetsItsGradeBackFromTheOtherReasons() {
		AddressResult full = full(revokedGrade(List.of(HSTS_SHORT)), REVOKED);

		AddressResult carried = full.carriedInto(quick(List.of(LEAF), GOOD), FULL_PROBE_AT);

		assertThat(carried.revocation()).isEqualTo(GOOD);
		assertThat(carried.grade())
			.isEqualTo(new GradeDetails(GradeLetter.A, GradeLetter.A, 92.5, List.of(HSTS_SHORT)));
	}

	@Test
	void anotherTrustFailureKeepsTheGradeAtTWithoutTheRevocation() {
		AddressResult full = full(revokedGrade(List.of(UNTRUSTED, HSTS_SHORT)), REVOKED);

		AddressResult carried = full.carriedInto(quick(List.of(LEAF), GOOD), FULL_PROBE_AT);

		assertThat(carried.grade()).isNotNull();
		assertThat(carried.grade().letter()).isEqualTo(GradeLetter.T);
		assertThat(carried.grade().reasons()).containsExactly(UNTRUSTED, HSTS_SHORT);
	}

	@Test
	void aNameMismatchGivesMOnceTheRevocationIsGone() {
		GradeReason mismatch = new GradeReason("CERT_NAME_MISMATCH", "Name mismatch", GradeLetter.M);
		GradeDetails grade = revokedGrade(List.of(mismatch));

		assertThat(grade.withRevoked(false).letter()).isEqualTo(GradeLetter.M);
		assertThat(grade.withRevoked(true)).isSameAs(grade);
	}

	private static GradeDetails revokedGrade(List<GradeReason> others) {
		return new GradeDetails(GradeLetter.A, GradeLetter.A, 92.5, others).withRevoked(true);
	}

	private static AddressResult full(GradeDetails grade, RevocationReport revocation) {
		List<VersionSupport> versions = List.of(new VersionSupport(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED, null));
		return new AddressResult("127.0.0.1", HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5,
				TrustStatus.TRUSTED, null, true, List.of(LEAF), ChainReportDetails.NONE, versions, grade, 30, null,
				false, null, null, List.of(), List.of(), "ff".repeat(32), FULL_PROBE_AT, null, revocation);
	}

	private static AddressResult quick(List<CertificateInfo> chain, RevocationReport revocation) {
		return new AddressResult("127.0.0.1", HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5,
				TrustStatus.TRUSTED, null, true, chain, ChainReportDetails.NONE, List.of(), null, 1, null, false, null,
				null, List.of(), List.of(), "ff".repeat(32), null, null, revocation);
	}

}
