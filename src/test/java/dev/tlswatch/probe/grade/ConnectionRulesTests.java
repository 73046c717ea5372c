package dev.tlswatch.probe.grade;

import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeLetter;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.grade.GradeInputs.codes;
import static dev.tlswatch.probe.grade.GradeInputs.goodServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Renegotiation, compression and HSTS.
 */
class ConnectionRulesTests {

	@Test
	void insecureRenegotiationFails() {
		Grade grade = SslLabsGrader.grade(goodServer().withInsecureRenegotiation(true));

		assertThat(grade.letter()).isEqualTo(GradeLetter.F);
		assertThat(codes(grade)).containsExactly("INSECURE_RENEGOTIATION");
	}

	@Test
	void secureRenegotiationSeenAnswersInsecureRenegotiationToo() {
		Grade grade = SslLabsGrader.grade(goodServer().withSecureRenegotiation(true).withInsecureRenegotiation(null));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(codes(grade)).doesNotContain("NOT_TESTED_INSECURE_RENEGOTIATION", "INSECURE_RENEGOTIATION");
	}

	@Test
	void withoutSecureRenegotiationInsecureRenegotiationStaysNotTested() {
		Grade grade = SslLabsGrader.grade(goodServer().withSecureRenegotiation(false).withInsecureRenegotiation(null));

		assertThat(codes(grade)).contains("NOT_TESTED_INSECURE_RENEGOTIATION", "NO_SECURE_RENEGOTIATION");
	}

	@Test
	void noSecureRenegotiationIsAWarningThatCapsAtAMinus() {
		Grade grade = SslLabsGrader.grade(goodServer().withSecureRenegotiation(false));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_MINUS);
		assertThat(codes(grade)).containsExactly("NO_SECURE_RENEGOTIATION");
	}

	@Test
	void tlsCompressionCapsAtC() {
		Grade grade = SslLabsGrader.grade(goodServer().withCompression(true));

		assertThat(grade.letter()).isEqualTo(GradeLetter.C);
		assertThat(codes(grade)).containsExactly("COMPRESSION");
	}

	@Test
	void hstsDisabledIsAWarningThatCapsAtAMinus() {
		Grade grade = SslLabsGrader.grade(goodServer().withHstsMaxAge(0L));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_MINUS);
		assertThat(codes(grade)).containsExactly("NO_HSTS");
	}

	@Test
	void hstsUnderSixMonthsWithholdsAPlusOnly() {
		Grade grade = SslLabsGrader.grade(goodServer().withHstsMaxAge(ConnectionRules.HSTS_SIX_MONTHS - 1));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A);
		assertThat(grade.reasons()).extracting("text")
			.containsExactly("HSTS max-age under 6 months (max-age=15551999)");
	}

	@Test
	void hstsOfSixMonthsEarnsAPlus() {
		Grade grade = SslLabsGrader.grade(goodServer().withHstsMaxAge(ConnectionRules.HSTS_SIX_MONTHS));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(grade.reasons()).isEmpty();
	}

	@Test
	void unknownHstsWithholdsAPlusAndSaysSo() {
		Grade grade = SslLabsGrader.grade(goodServer().withHstsMaxAge(null));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A);
		assertThat(grade.reasons()).extracting("code", "text", "cap")
			.containsExactly(tuple("NOT_TESTED_HSTS", "Not tested: HSTS", GradeLetter.A));
	}

	@Test
	void hstsOfOneHundredAndEightyDaysIsSixMonths() {
		assertThat(ConnectionRules.HSTS_SIX_MONTHS).isEqualTo(180L * 24 * 60 * 60);
	}

	@Test
	void hstsDoesNotApplyToAServerThatDoesNotSpeakHttp() {
		Grade unknown = SslLabsGrader.grade(goodServer().withHstsMaxAge(null).withHstsApplies(false));
		Grade absent = SslLabsGrader.grade(goodServer().withHstsMaxAge(0L).withHstsApplies(false));

		assertThat(unknown.letter()).isEqualTo(GradeLetter.A_PLUS);
		assertThat(unknown.reasons()).isEmpty();
		assertThat(absent.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@Test
	void fallbackScsvIsNoLongerGraded() {
		Grade grade = SslLabsGrader.grade(goodServer().withFallbackScsv(false));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

	@Test
	void mustStapleWithoutStapleIsNotGraded() {
		Grade grade = SslLabsGrader.grade(goodServer().withMustStapleWithoutStaple(true));

		assertThat(grade.letter()).isEqualTo(GradeLetter.A_PLUS);
	}

}
