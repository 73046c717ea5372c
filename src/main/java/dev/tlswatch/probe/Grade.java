package dev.tlswatch.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The grade of one address, following the SSL Labs SSL Server Rating Guide as its
 * revision {@value #CRITERIA} stands. Reads results only; opens no connection.
 *
 * @param letter the grade: {@link GradeLetter#T} or {@link GradeLetter#M} when the
 * certificate fails, otherwise {@link #gradeIgnoringTrust()}
 * @param gradeIgnoringTrust the grade the address would get if its certificate were
 * trusted and matched the name (SSL Labs' {@code gradeTrustIgnored}); never T or M
 * @param score the numeric score, 0 to 100: {@code 0.3 * protocol + 0.3 * keyExchange +
 * 0.4 * cipher}, 0 when any of them is 0; like {@code gradeIgnoringTrust} it leaves the
 * certificate aside
 * @param protocolScore the protocol support score, 0 to 100
 * @param keyExchangeScore the key exchange score, 0 to 100
 * @param cipherScore the cipher strength score, 0 to 100
 * @param reasons every cap, warning, certificate failure and untested input that applied,
 * worst cap first
 */
public record Grade(GradeLetter letter, GradeLetter gradeIgnoringTrust, double score, double protocolScore,
		double keyExchangeScore, double cipherScore, List<GradeReason> reasons) {

	/** The revision of the SSL Labs rating guide these grades follow. */
	public static final String CRITERIA = "2009r";

	public Grade {
		Objects.requireNonNull(letter, "letter");
		Objects.requireNonNull(gradeIgnoringTrust, "gradeIgnoringTrust");
		if (!gradeIgnoringTrust.isScale()) {
			throw new IllegalArgumentException("The grade ignoring trust is A+ to F, was " + gradeIgnoringTrust);
		}
		percentage(score, "score");
		percentage(protocolScore, "protocolScore");
		percentage(keyExchangeScore, "keyExchangeScore");
		percentage(cipherScore, "cipherScore");
		reasons = List.copyOf(reasons);
	}

	/**
	 * The same grade with one more certificate failure, which caps it at T: for what the
	 * grader cannot see itself (a certificate found revoked by the revocation check).
	 * @param code the reason's code ({@code CERT_REVOKED})
	 * @param text the reason for users
	 * @return the copy, the failure first among the reasons
	 */
	public Grade withTrustFailure(String code, String text) {
		List<GradeReason> all = new ArrayList<>();
		all.add(new GradeReason(code, text, GradeLetter.T));
		all.addAll(this.reasons);
		return new Grade(GradeLetter.T, this.gradeIgnoringTrust, this.score, this.protocolScore, this.keyExchangeScore,
				this.cipherScore, all);
	}

	private static void percentage(double value, String name) {
		if (!(value >= 0 && value <= 100)) {
			throw new IllegalArgumentException(name + " must be between 0 and 100, was " + value);
		}
	}

}
