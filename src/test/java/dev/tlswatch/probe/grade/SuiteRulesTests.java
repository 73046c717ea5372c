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
import static dev.tlswatch.probe.grade.GradeInputs.TLS13_AES_256_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.codes;
import static dev.tlswatch.probe.grade.GradeInputs.goodServerWith;
import static dev.tlswatch.probe.grade.GradeInputs.suite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cipher strength: the score table and the caps on accepted suites.
 */
class SuiteRulesTests {

	@Test
	void cipherScoreIsTheStrongestAndTheWeakestSuiteHalved() {
		Grade grade = SslLabsGrader.grade(goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM),
				TlsVersion.TLS_1_3, List.of(TLS13_AES_256_GCM))));

		assertThat(grade.cipherScore()).isEqualTo(90.0);
	}

	@Test
	void tripleDesScoresAs168BitsLikeTheGuideTable() {
		Grade grade = SslLabsGrader.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0,
				List.of(suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA")), TlsVersion.TLS_1_3, List.of(TLS13_AES_256_GCM))));

		assertThat(grade.cipherScore()).isEqualTo(90.0);
		assertThat(codes(grade)).doesNotContain("WEAK_CIPHERS");
	}

	@Test
	void anonymousKeyExchangeZeroesTheScoreAndFails() {
		Grade grade = SslLabsGrader.grade(goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_DH_anon_WITH_AES_128_GCM_SHA256")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.keyExchangeScore()).isZero();
		assertThat(grade.score()).isZero();
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.reasons()).filteredOn((reason) -> reason.code().equals("ANONYMOUS_SUITES"))
			.singleElement()
			.satisfies((reason) -> assertThat(reason.text())
				.isEqualTo("Anonymous key exchange accepted (TLS_DH_anon_WITH_AES_128_GCM_SHA256)"));
	}

	@Test
	void exportSuitesFail() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0, List.of(suite("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA")),
					TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM), TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.keyExchangeScore()).isEqualTo(40.0);
		assertThat(codes(grade)).contains("EXPORT_SUITES");
	}

	@Test
	void suitesUnder112BitsFail() {
		Grade grade = SslLabsGrader.grade(
				goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_RSA_WITH_DES_CBC_SHA")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.cipherScore()).isEqualTo(50.0);
		assertThat(codes(grade)).contains("WEAK_CIPHERS");
	}

	@Test
	void rc4OnlyFails() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0, List.of(suite("TLS_RSA_WITH_RC4_128_SHA")),
					TlsVersion.TLS_1_2, List.of(suite("TLS_ECDHE_RSA_WITH_RC4_128_SHA")))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(codes(grade)).contains("RC4_ONLY").doesNotContain("RC4_ACCEPTED", "RC4_WITH_MODERN_PROTOCOLS");
	}

	@Test
	void rc4WithTls11OrNewerCapsAtC() {
		Grade grade = SslLabsGrader.grade(goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_ECDHE_RSA_WITH_RC4_128_SHA")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.C);
		assertThat(codes(grade)).contains("RC4_WITH_MODERN_PROTOCOLS").doesNotContain("RC4_ACCEPTED");
	}

	@Test
	void rc4OnlyWithOlderProtocolsCapsAtB() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0, List.of(suite("TLS_RSA_WITH_RC4_128_SHA")),
					TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM), TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).contains("RC4_ACCEPTED", "TLS10_ACCEPTED");
	}

	@Test
	void tripleDesWithTls11OrNewerCapsAtC() {
		Grade grade = SslLabsGrader.grade(goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.C);
		assertThat(codes(grade)).contains("SMALL_BLOCK_WITH_MODERN_PROTOCOLS");
	}

	@Test
	void otherSixtyFourBitBlockCiphersWithTls11OrNewerCapAtC() {
		Grade grade = SslLabsGrader.grade(goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_RSA_WITH_IDEA_CBC_SHA")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.C);
		assertThat(codes(grade)).contains("SMALL_BLOCK_WITH_MODERN_PROTOCOLS");
	}

	@Test
	void tripleDesOnlyWithTls10DoesNotCapAtC() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_0, List.of(suite("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA")),
					TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM), TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).doesNotContain("SMALL_BLOCK_WITH_MODERN_PROTOCOLS");
	}

	@Test
	void noForwardSecrecyAtAllCapsAtB() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(suite("TLS_RSA_WITH_AES_128_GCM_SHA256")))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).contains("NO_FORWARD_SECRECY").doesNotContain("NO_AEAD");
	}

	@Test
	void noAeadAtAllCapsAtB() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")))));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).contains("NO_AEAD").doesNotContain("NO_FORWARD_SECRECY");
	}

	@Test
	void weakSuitesBesideStrongOnesAreNotMissingForwardSecrecyOrAead() {
		Grade grade = SslLabsGrader.grade(goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_256_GCM, suite("TLS_RSA_WITH_AES_128_CBC_SHA")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@Test
	void absenceRulesWaitUntilEveryVersionsSuitesAreKnown() {
		Grade grade = SslLabsGrader
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(suite("TLS_ECDHE_RSA_WITH_RC4_128_SHA"))))
				.withVersions(Set.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)));

		assertThat(codes(grade)).contains("RC4_WITH_MODERN_PROTOCOLS", "NOT_TESTED_SUITES")
			.doesNotContain("RC4_ONLY", "NO_AEAD");
		assertThat(grade.reasons()).filteredOn((reason) -> reason.code().equals("NOT_TESTED_SUITES"))
			.singleElement()
			.satisfies((reason) -> assertThat(reason.text()).isEqualTo("Not tested: cipher suites (TLSv1.3)"));
	}

}
