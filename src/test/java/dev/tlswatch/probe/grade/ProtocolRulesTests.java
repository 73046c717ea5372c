package dev.tlswatch.probe.grade;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.TlsVersion;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.grade.GradeInputs.ECDHE_AES_128_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.ECDHE_AES_256_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.TLS13_AES_128_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.codes;
import static dev.tlswatch.probe.grade.GradeInputs.goodServer;
import static dev.tlswatch.probe.grade.GradeInputs.goodServerWith;
import static dev.tlswatch.probe.grade.GradeInputs.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Protocol support: the score table and the caps on versions.
 */
class ProtocolRulesTests {

	@Test
	void protocolScoreIsTheBestAndTheWorstVersionHalved() {
		Grade grade = SslLabsGrader.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0, List.of(ECDHE_AES_128_GCM),
				TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, ECDHE_AES_256_GCM))));

		assertThat(grade.protocolScore()).isEqualTo(95.0);
	}

	@Test
	void ssl2FailsTheGrade() {
		Grade grade = SslLabsGrader
			.grade(goodServer().withVersions(Set.of(TlsVersion.SSL_2_0, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.protocolScore()).isEqualTo(50.0);
		assertThat(codes(grade)).contains("SSL2_ACCEPTED");
	}

	@Test
	void ssl3AsTheBestProtocolFailsTheGrade() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.SSL_3_0, List.of(suite("TLS_RSA_WITH_AES_128_CBC_SHA")))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(codes(grade)).contains("SSL3_BEST").doesNotContain("SSL3_ACCEPTED");
	}

	@Test
	void ssl3BesideNewerProtocolsCapsAtB() {
		Grade grade = SslLabsGrader
			.grade(goodServer().withVersions(Set.of(TlsVersion.SSL_3_0, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).contains("SSL3_ACCEPTED");
	}

	@Test
	void tls10CapsAtB() {
		Grade grade = SslLabsGrader
			.grade(goodServer().withVersions(Set.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(grade.reasons()).extracting("code", "text", "cap")
			.contains(tuple("TLS10_ACCEPTED", "TLS 1.0 accepted", GradeLetter.B));
	}

	@Test
	void tls11CapsAtB() {
		Grade grade = SslLabsGrader
			.grade(goodServer().withVersions(Set.of(TlsVersion.TLS_1_1, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).contains("TLS11_ACCEPTED");
	}

	@Test
	void neitherTls12NorTls13CapsAtC() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0, List.of(suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")),
					TlsVersion.TLS_1_1, List.of(suite("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA")))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.C);
		assertThat(codes(grade)).contains("NO_TLS12", "TLS10_ACCEPTED", "TLS11_ACCEPTED");
	}

	@Test
	void noTls13IsAWarningThatCapsAtAMinus() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, ECDHE_AES_256_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.A_MINUS);
		assertThat(grade.reasons()).extracting("code", "cap").containsExactly(tuple("NO_TLS13", GradeLetter.A_MINUS));
	}

	@Test
	void tls13OnlyServerGetsAPlusWithoutBeingAskedAboutTls12Features() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))).withSecureRenegotiation(null)
				.withInsecureRenegotiation(null)
				.withCompression(null));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(grade.reasons()).isEmpty();
	}

}
