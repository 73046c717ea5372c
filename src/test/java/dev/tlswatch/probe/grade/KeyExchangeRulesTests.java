package dev.tlswatch.probe.grade;

import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.GradeInput.ServerKey;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.tlswatch.probe.grade.GradeInputs.ECDHE_AES_128_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.TLS13_AES_128_GCM;
import static dev.tlswatch.probe.grade.GradeInputs.codes;
import static dev.tlswatch.probe.grade.GradeInputs.goodServer;
import static dev.tlswatch.probe.grade.GradeInputs.goodServerWith;
import static dev.tlswatch.probe.grade.GradeInputs.suite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key exchange: the score table, the server key and the DH parameters.
 */
class KeyExchangeRulesTests {

	@ParameterizedTest(name = "RSA {0} bits scores {1}")
	@CsvSource({ "511, 20", "512, 40", "1023, 40", "1024, 80", "2047, 80", "2048, 90", "4095, 90", "4096, 100" })
	void rsaKeyBandsFollowTheGuideTable(int bits, int score) {
		assertThat(KeyStrength.ofFiniteField(bits).score()).isEqualTo(score);
	}

	@ParameterizedTest(name = "EC {0} bits scores {1}")
	@CsvSource({ "109, 20", "110, 40", "122, 40", "123, 80", "162, 80", "163, 90", "224, 90", "225, 100", "256, 100" })
	void ellipticCurveSizesMapToRsaEquivalentBands(int bits, int score) {
		assertThat(KeyStrength.ofEllipticCurve(bits).score()).isEqualTo(score);
	}

	@Test
	void keyAlgorithmsAreReadByFamily() {
		assertThat(KeyStrength.of(new ServerKey("RSASSA-PSS", 3072))).isEqualTo(KeyStrength.UNDER_4096);
		assertThat(KeyStrength.of(new ServerKey("EC", 256))).isEqualTo(KeyStrength.AT_LEAST_4096);
		assertThat(KeyStrength.of(new ServerKey("Ed25519", 255))).isEqualTo(KeyStrength.AT_LEAST_4096);
		assertThat(KeyStrength.of(new ServerKey("DSA", 1024))).isEqualTo(KeyStrength.UNDER_2048);
		assertThat(KeyStrength.of(new ServerKey("GOST3410", 256))).isNull();
	}

	@Test
	void keyExchangeScoreIsTheWeakerOfServerKeyAndEphemeralParameters() {
		Grade strongKey = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("RSA", 4096)));
		Grade weakGroup = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("RSA", 4096)).withEcdhBits(160));

		assertThat(strongKey.keyExchangeScore()).isEqualTo(100.0);
		assertThat(weakGroup.keyExchangeScore()).isEqualTo(80.0);
	}

	@Test
	void serverKeyUnder1024BitsFailsAndIsAnInsecureCertificateKey() {
		Grade grade = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("RSA", 768)));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(codes(grade)).contains("KEY_UNDER_1024", "CERT_INSECURE_KEY");
	}

	@Test
	void serverKeyUnder2048BitsCapsAtB() {
		Grade grade = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("RSA", 1024)));

		assertThat(grade.letter()).isEqualTo(GradeLetter.B);
		assertThat(grade.keyExchangeScore()).isEqualTo(80.0);
		assertThat(grade.reasons()).filteredOn((reason) -> reason.code().equals("KEY_UNDER_2048"))
			.singleElement()
			.satisfies(
					(reason) -> assertThat(reason.text()).isEqualTo("Server key weaker than RSA 2048 (RSA 1024 bits)"));
	}

	@Test
	void ellipticCurveKeysAreJudgedByTheirRsaEquivalent() {
		Grade p256 = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("EC", 256)));
		Grade p160 = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("EC", 160)));

		assertThat(p256.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(p256.keyExchangeScore()).isEqualTo(100.0);
		assertThat(p160.letter()).isEqualTo(GradeLetter.B);
		assertThat(codes(p160)).contains("KEY_UNDER_2048");
	}

	@Test
	void dhParametersUnder1024BitsFail() {
		Grade grade = SslLabsGrader.grade(dheServer().withDhBits(768));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(grade.keyExchangeScore()).isEqualTo(40.0);
		assertThat(codes(grade)).contains("DH_UNDER_1024");
	}

	@Test
	void dhParametersUnder2048BitsCapAtB() {
		Grade grade = SslLabsGrader.grade(dheServer().withDhBits(1024));

		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.B);
		assertThat(grade.keyExchangeScore()).isEqualTo(80.0);
		assertThat(codes(grade)).contains("DH_UNDER_2048");
	}

	@Test
	void dhParametersOf2048BitsAreFine() {
		Grade grade = SslLabsGrader.grade(dheServer().withDhBits(2048));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@Test
	void acceptedDheWithUnknownParametersIsNotTested() {
		Grade grade = SslLabsGrader.grade(dheServer());

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(codes(grade)).containsExactly("NOT_TESTED_DH");
	}

	@Test
	void keyOfUnknownFamilyIsNotTested() {
		Grade grade = SslLabsGrader.grade(goodServer().withServerKey(new ServerKey("GOST3410", 512)));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(grade.reasons()).extracting("text")
			.containsExactly("Not tested: server key (strength of GOST3410 512 bits unknown)");
	}

	private static GradeInput dheServer() {
		return goodServerWith(
				Map.of(TlsVersion.TLS_1_2, List.of(ECDHE_AES_128_GCM, suite("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")),
						TlsVersion.TLS_1_3, List.of(TLS13_AES_128_GCM)));
	}

}
