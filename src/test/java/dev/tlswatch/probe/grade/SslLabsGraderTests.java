package dev.tlswatch.probe.grade;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.GradeInput.ServerKey;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.tlswatch.probe.grade.GradeInputs.ECDHE_AES_128_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.ECDHE_AES_256_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.TLS13_AES_128_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.TLS13_AES_256_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.codes;
import static dev.tlswatch.probe.grade.GradeInputs.goodServer;
import static dev.tlswatch.probe.grade.GradeInputs.goodServerWith;
import static dev.tlswatch.probe.grade.GradeInputs.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Named.named;

/**
 * The grade as a whole: score, letters, A+, T and M, unknown inputs.
 */
class SslLabsGraderTests {

	@Test
	void workedExampleOfTheRatingGuideScores93AndGradesA() {
		// TLS 1.2 + 1.3, RSA 2048, AES-128 + AES-256: 30 + 27 + 36 = 93
		Grade grade = Probers.grade(goodServer().withHstsMaxAge(null));

		assertThat(grade.protocolScore()).isEqualTo(100.0);
		assertThat(grade.keyExchangeScore()).isEqualTo(90.0);
		assertThat(grade.cipherScore()).isEqualTo(90.0);
		assertThat(grade.score()).isEqualTo(93.0);
		assertThat(grade.letter()).isEqualTo(GradeLetter.A);
		assertThat(grade.letter().displayName()).isEqualTo("A");
	}

	@Test
	void wellConfiguredServerWithLongHstsGetsAPlusWithNoReasons() {
		Grade grade = Probers.grade(goodServer());

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(grade.letter().displayName()).isEqualTo("A+");
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(grade.reasons()).isEmpty();
	}

	@Test
	void scoreAloneCanLowerTheLetterAndWithholdAPlus() {
		// an ECDHE group of 112 bits is as weak as RSA under 1024 (40), which the guide
		// scores without a cap: 30 + 12 + 36 = 78
		Grade grade = Probers.grade(goodServer().withEcdhBits(112));

		assertThat(grade.keyExchangeScore()).isEqualTo(40.0);
		assertThat(grade.score()).isEqualTo(78.0);
		assertThat(grade.letter()).isEqualTo(GradeLetter.B);
		assertThat(grade.reasons()).isEmpty();
	}

	@Test
	void sameWeakGroupWithOnlyAes256ScoresAboveEightyAndKeepsA() {
		// 30 + 12 + 40 = 82
		Grade grade = Probers.grade(goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_256_GCM), TlsVersion.TLS_1_3, List.of(TLS13_AES_256_GCM)))
			.withEcdhBits(112));

		assertThat(grade.score()).isEqualTo(82.0);
		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "100, A", "80, A", "79.99, B", "65, B", "64.99, C", "50, C", "49.99, D", "35, D", "34.99, E", "20, E",
			"19.99, F", "0, F" })
	void scoreBandsFollowTheLetterTranslationTable(double score, GradeLetter letter) {
		assertThat(Letters.forScore(score)).isEqualTo(letter);
	}

	@Test
	void scoreIsWeightedAndExactInHalves() {
		assertThat(Scores.total(97.5, 90, 90)).isEqualTo(92.25);
		assertThat(Scores.total(100, 90, 90)).isEqualTo(93.0);
	}

	@Test
	void aZeroInAnyCategoryMakesTheScoreZero() {
		assertThat(Scores.total(0, 100, 100)).isZero();
		assertThat(Scores.total(100, 0, 100)).isZero();
		assertThat(Scores.total(100, 100, 0)).isZero();
	}

	@Test
	void protocolTableScoresTls13LikeTls12() {
		assertThat(Scores.protocol(Set.of(TlsVersion.TLS_1_3))).isEqualTo(100.0);
		assertThat(Scores.protocol(Set.of(TlsVersion.SSL_3_0, TlsVersion.TLS_1_1))).isEqualTo(87.5);
		assertThat(Scores.protocol(Set.of(TlsVersion.SSL_2_0))).isZero();
	}

	@Test
	void onlyNullCiphersZeroTheCipherScore() {
		Grade grade = Probers
			.grade(goodServerWith(Map.of(TlsVersion.TLS_1_2, List.of(suite("TLS_RSA_WITH_NULL_SHA256")))));

		assertThat(grade.cipherScore()).isZero();
		assertThat(grade.score()).isZero();
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
	}

	@Test
	void lowestCapWinsAndReasonsComeWorstFirst() {
		Grade grade = Probers.grade(goodServer().withSuites(null)
			.withVersions(Set.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2))
			.withSuites(Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM)))
			.withCompression(true)
			.withTrust(TrustStatus.EXPIRED)
			.withHstsMaxAge(null));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.C);
		assertThat(grade.reasons()).extracting(GradeReason::cap)
			.containsExactly(GradeLetter.T, GradeLetter.C, GradeLetter.B, GradeLetter.A_MINUS, GradeLetter.A,
					GradeLetter.A_PLUS);
		assertThat(codes(grade)).containsExactly("CERT_EXPIRED", "COMPRESSION", "TLS10_ACCEPTED", "NO_TLS13",
				"NOT_TESTED_HSTS", "NOT_TESTED_SUITES");
	}

	@Test
	void nothingKnownGradesTheBestCaseAndListsEverythingAsNotTested() {
		Grade grade = Probers.grade(GradeInput.UNKNOWN);

		assertThat(grade.score()).isEqualTo(100.0);
		assertThat(grade.letter()).isEqualTo(GradeLetter.A);
		assertThat(grade.reasons()).allSatisfy((reason) -> assertThat(reason.notTested()).isTrue());
		assertThat(codes(grade)).containsExactlyInAnyOrder("NOT_TESTED_TRUST", "NOT_TESTED_CHAIN",
				"NOT_TESTED_HOSTNAME", "NOT_TESTED_SIGNATURE", "NOT_TESTED_VERSIONS", "NOT_TESTED_SERVER_KEY",
				"NOT_TESTED_SUITES", "NOT_TESTED_INSECURE_RENEGOTIATION", "NOT_TESTED_SECURE_RENEGOTIATION",
				"NOT_TESTED_COMPRESSION", "NOT_TESTED_HSTS");
	}

	// HSTS aside: A+ needs proof of it (ConnectionRulesTests)
	@ParameterizedTest(name = "unknown {0}")
	@MethodSource("unknowns")
	void unknownInputNeverLowersTheGrade(UnaryOperator<GradeInput> forget) {
		for (GradeInput known : List.of(goodServerWithDhe(), weakServer())) {
			Grade before = Probers.grade(known);
			Grade after = Probers.grade(forget.apply(known));

			assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
			assertThat(after.gradeIgnoringTrust()).isLessThanOrEqualTo(before.gradeIgnoringTrust());
			assertThat(after.reasons()).anySatisfy((reason) -> assertThat(reason.notTested()).isTrue());
		}
	}

	static Stream<Named<UnaryOperator<GradeInput>>> unknowns() {
		return Stream.of(named("versions and suites", (input) -> input.withSuites(null).withVersions(null)),
				named("suites", (input) -> input.withSuites(null)),
				named("server key", (input) -> input.withServerKey(null)),
				named("DH parameters", (input) -> input.withDhBits(null)),
				named("ECDH groups", (input) -> input.withEcdhBits(null)),
				named("trust", (input) -> input.withTrust(TrustStatus.UNKNOWN)),
				named("host name", (input) -> input.withHostnameMatches(null)),
				named("chain", (input) -> input.withChainIssues(null)),
				named("signature", (input) -> input.withSignatureAlgorithm(null)),
				named("secure renegotiation", (input) -> input.withSecureRenegotiation(null)),
				// Secure renegotiation seen answers the insecure kind
				// (ConnectionRulesTests)
				named("renegotiation", (input) -> input.withInsecureRenegotiation(null).withSecureRenegotiation(null)),
				named("compression", (input) -> input.withCompression(null)));
	}

	private static GradeInput goodServerWithDhe() {
		return goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM)))
			.withDhBits(4096);
	}

	// everything wrong that can be wrong, each unknown in turn above
	private static GradeInput weakServer() {
		return GradeInput.UNKNOWN
			.withAcceptedSuites(
					Map.of(TlsVersion.SSL_3_0, List.of(suite("TLS_RSA_WITH_RC4_128_SHA")), TlsVersion.TLS_1_0,
							List.of(suite("TLS_DHE_RSA_WITH_DES_CBC_SHA"), suite("TLS_ECDHE_RSA_WITH_RC4_128_SHA"))))
			.withServerKey(new ServerKey("RSA", 1024))
			.withDhBits(768)
			.withEcdhBits(160)
			.withTrust(TrustStatus.UNTRUSTED)
			.withHostnameMatches(false)
			.withChainIssues(List.of(new ChainIssue(ChainIssue.Type.INCOMPLETE, 0, "Issuer missing.")))
			.withSignatureAlgorithm("MD5withRSA")
			.withSecureRenegotiation(false)
			.withInsecureRenegotiation(true)
			.withCompression(true)
			.withHstsMaxAge(0L);
	}

	@Test
	void inputRejectsAnEmptyVersionSetBecauseNullMeansUnknown() {
		assertThatIllegalArgumentException().isThrownBy(() -> GradeInput.UNKNOWN.withVersions(Set.of()));
	}

	@Test
	void inputRejectsSuitesForVersionsNotAccepted() {
		GradeInput tls12 = GradeInput.UNKNOWN.withVersions(Set.of(TlsVersion.TLS_1_2));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> tls12.withSuites(Map.of(TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM))))
			.withMessageContaining("TLSv1.3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GradeInput.UNKNOWN.withSuites(Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM))));
	}

	@Test
	void versionsHaveTheirUsualNames() {
		assertThat(Stream.of(TlsVersion.values()).map(TlsVersion::shortName)).containsExactly("SSLv2", "SSLv3",
				"TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");
		assertThat(Stream.of(GradeLetter.values()).map(GradeLetter::displayName)).containsExactly("A+", "A", "A-", "B",
				"C", "D", "E", "F", "T", "M");
	}

}
