package dev.tlswatch.probe.grade;

import java.util.List;

import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.TrustStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.tlswatch.probe.grade.GradeInputs.codes;
import static dev.tlswatch.probe.grade.GradeInputs.goodServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate failures (T and M) and the caps on the chain and the signature.
 */
class CertificateRulesTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "UNTRUSTED, CERT_UNTRUSTED", "EXPIRED, CERT_EXPIRED", "NOT_YET_VALID, CERT_NOT_YET_VALID" })
	void untrustedExpiredOrNotYetValidCertificateGradesTAndKeepsTheGradeIgnoringTrust(TrustStatus trust, String code) {
		Grade grade = SslLabsGrader.grade(goodServer().withTrust(trust));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(grade.score()).isEqualTo(93.0);
		assertThat(codes(grade)).containsExactly(code);
	}

	@Test
	void selfSignedLeafGradesT() {
		Grade grade = SslLabsGrader.grade(goodServer().withTrust(TrustStatus.UNTRUSTED)
			.withChainIssues(
					List.of(new ChainIssue(ChainIssue.Type.SELF_SIGNED_LEAF, 0, "CN=localhost signs itself."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(codes(grade)).containsExactly("CERT_UNTRUSTED", "CERT_SELF_SIGNED");
	}

	@Test
	void selfSignedLeafThatIsAConfiguredTrustAnchorIsNotAFailure() {
		Grade grade = SslLabsGrader.grade(goodServer().withChainIssues(
				List.of(new ChainIssue(ChainIssue.Type.SELF_SIGNED_LEAF, 0, "CN=internal signs itself."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@Test
	void expiredLeafGradesTWhateverTheTrustStatusSays() {
		Grade grade = SslLabsGrader.grade(goodServer()
			.withChainIssues(List.of(new ChainIssue(ChainIssue.Type.EXPIRED, 0, "CN=example.com expired."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(codes(grade)).containsExactly("CERT_EXPIRED");
	}

	@Test
	void expiredExtraCertificateOffThePathIsLeftToTheTrustStatus() {
		Grade grade = SslLabsGrader.grade(goodServer()
			.withChainIssues(List.of(new ChainIssue(ChainIssue.Type.EXPIRED, 2, "CN=Old Cross Root expired."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@Test
	void leafNotForServerAuthenticationGradesT() {
		Grade grade = SslLabsGrader.grade(goodServer().withChainIssues(
				List.of(new ChainIssue(ChainIssue.Type.NO_SERVER_AUTH, 0, "CN=example.com is for clientAuth only."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(codes(grade)).containsExactly("CERT_NOT_FOR_SERVERS");
	}

	@Test
	void nameMismatchGradesMAndKeepsTheGradeIgnoringTrust() {
		Grade grade = SslLabsGrader.grade(goodServer().withHostnameMatches(false));

		assertThat(grade.letter()).isEqualTo(GradeLetter.M);
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(codes(grade)).containsExactly("HOSTNAME_MISMATCH");
	}

	@Test
	void untrustedAndMismatchedGradesTWithBothReasonsTFirst() {
		Grade grade = SslLabsGrader
			.grade(goodServer().withHostnameMatches(false).withTrust(TrustStatus.UNTRUSTED).withHstsMaxAge(0L));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.A_MINUS);
		assertThat(codes(grade)).containsExactly("CERT_UNTRUSTED", "HOSTNAME_MISMATCH", "NO_HSTS");
	}

	@Test
	void md5SignatureFailsAndGradesT() {
		Grade grade = SslLabsGrader.grade(goodServer().withSignatureAlgorithm("MD5withRSA"));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
		assertThat(codes(grade)).containsExactly("CERT_INSECURE_SIGNATURE", "INSECURE_SIGNATURE");
	}

	@Test
	void md2SignatureFailsAndGradesT() {
		Grade grade = SslLabsGrader.grade(goodServer().withSignatureAlgorithm("MD2withRSA"));

		assertThat(grade.letter()).isEqualTo(GradeLetter.T);
		assertThat(grade.gradeIgnoringTrust()).isEqualTo(GradeLetter.F);
	}

	@Test
	void sha1SignatureWithholdsAPlus() {
		Grade grade = SslLabsGrader.grade(goodServer().withSignatureAlgorithm("SHA1withRSA"));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A);
		assertThat(grade.reasons()).extracting("text").containsExactly("Certificate signed with SHA-1 (SHA1withRSA)");
	}

	@Test
	void incompleteChainCapsAtB() {
		Grade grade = SslLabsGrader.grade(goodServer().withChainIssues(
				List.of(new ChainIssue(ChainIssue.Type.INCOMPLETE, 0, "The issuer of CN=example.com was not sent."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.B);
		assertThat(codes(grade)).containsExactly("CHAIN_INCOMPLETE");
	}

	@ParameterizedTest
	@EnumSource(names = { "WRONG_ORDER", "WEAK_KEY", "WEAK_SIGNATURE" })
	void chainIssuesTheGuideDoesNotGradeLeaveTheGradeAlone(ChainIssue.Type type) {
		Grade grade = SslLabsGrader.grade(goodServer().withChainIssues(List.of(new ChainIssue(type, 1, "Detail."))));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

}
