package dev.tlswatch.probe;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TlsEngine.Grades} on hand-built observations: how the SSL 2.0 probe enters the
 * grade. Opens no connection.
 */
class TlsEngineGradesTests {

	private static final List<VersionSupport> TLS12_ONLY = List.of(refused(TlsVersion.SSL_3_0),
			refused(TlsVersion.TLS_1_0), refused(TlsVersion.TLS_1_1),
			new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED, null), refused(TlsVersion.TLS_1_3));

	private static final Ssl2Support SSL2_ACCEPTED = new Ssl2Support(VersionVerdict.ACCEPTED,
			List.of("SSL_CK_RC4_128_WITH_MD5"), "SERVER-HELLO with 1 cipher kind");

	@Test
	void sslv2AcceptedFailsTheGrade() throws Exception {
		Grade grade = grade(TLS12_ONLY, SSL2_ACCEPTED);

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.reasons()).contains(new GradeReason("SSL2_ACCEPTED", "SSL 2.0 accepted", GradeLetter.F));
	}

	@Test
	void sslv2OnlyServerFailsTheGrade() throws Exception {
		List<VersionSupport> noneAccepted = TlsVersion.probed().stream().map(TlsEngineGradesTests::refused).toList();

		assertThat(grade(noneAccepted, SSL2_ACCEPTED).reasons()).extracting(GradeReason::code)
			.contains("SSL2_ACCEPTED")
			.doesNotContain("NOT_TESTED_VERSIONS");
	}

	@Test
	void sslv2RefusedOrNotKnownChangesNothing() throws Exception {
		Grade without = grade(TLS12_ONLY, null);

		for (VersionVerdict verdict : List.of(VersionVerdict.REJECTED, VersionVerdict.TIMEOUT, VersionVerdict.ERROR)) {
			Grade grade = grade(TLS12_ONLY, new Ssl2Support(verdict, List.of(), "answer"));
			assertThat(grade.reasons()).as(verdict.name()).isEqualTo(without.reasons());
			assertThat(grade.gradeIgnoringTrust()).isEqualTo(without.gradeIgnoringTrust());
		}
		assertThat(without.reasons()).extracting(GradeReason::code).doesNotContain("SSL2_ACCEPTED");
	}

	private static Grade grade(List<VersionSupport> versions, @Nullable Ssl2Support ssl2) throws Exception {
		ProbeTarget target = new ProbeTarget(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), 443, "localhost",
				"localhost");
		HandshakeObservation handshake = new HandshakeObservation(target, HandshakeOutcome.OK, null, "TLSv1.2",
				"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null, null, List.of(), TrustStatus.TRUSTED, null, true);
		return TlsEngine.Grades.of(handshake, versions, Map.of(), List.of(), null, Observed.notApplicable("Not HTTPS"),
				ssl2);
	}

	private static VersionSupport refused(TlsVersion version) {
		return new VersionSupport(version, VersionVerdict.REJECTED, "Alert: fatal protocol_version (70)");
	}

}
