package dev.tlswatch.probe.grade;

import java.util.List;

import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeInput;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.VulnerabilityResult;

/**
 * Grades one address the way the SSL Labs SSL Server Rating Guide does, as its revision
 * 2009r stands: three category scores, their weighted sum and its letter, then every cap
 * and warning, lowest wins, then A+, then T and M for certificate failures. Use
 * {@link dev.tlswatch.probe.Probers#grade(GradeInput)}.
 */
public final class SslLabsGrader {

	private SslLabsGrader() {
	}

	/**
	 * Grade what a probe of one address found.
	 * @param input the observations
	 * @return the grade
	 */
	public static Grade grade(GradeInput input) {
		return grade(input, List.of());
	}

	/**
	 * Grade what a probe of one address found, vulnerabilities among it.
	 * @param input the observations
	 * @param vulnerabilities the vulnerability verdicts
	 * @return the grade
	 */
	public static Grade grade(GradeInput input, List<VulnerabilityResult> vulnerabilities) {
		double protocol = ProtocolRules.score(input);
		double keyExchange = KeyExchangeRules.score(input);
		double cipher = SuiteRules.score(input);
		double score = Scores.total(protocol, keyExchange, cipher);
		Reasons reasons = reasons(input);
		VulnerabilityRules.apply(vulnerabilities, reasons);
		GradeLetter ignoringTrust = ignoringTrust(Letters.forScore(score), reasons.ceiling());
		return new Grade(letter(ignoringTrust, reasons), ignoringTrust, score, protocol, keyExchange, cipher,
				reasons.worstFirst());
	}

	private static Reasons reasons(GradeInput input) {
		Reasons reasons = new Reasons();
		CertificateRules.apply(input, reasons);
		ProtocolRules.apply(input, reasons);
		KeyExchangeRules.apply(input, reasons);
		SuiteRules.apply(input, reasons);
		ConnectionRules.apply(input, reasons);
		return reasons;
	}

	// A+ (2009e): an A from the score that no rule limits, not even to A (every reason
	// that withholds A+ caps at A, among them HSTS under six months or unknown)
	private static GradeLetter ignoringTrust(GradeLetter fromScore, GradeLetter ceiling) {
		if (fromScore == GradeLetter.A && ceiling == GradeLetter.A_PLUS) {
			return GradeLetter.A_PLUS;
		}
		return Letters.worse(fromScore, ceiling);
	}

	// T wins over M (a mismatched name on an untrusted certificate is still a trust
	// issue)
	private static GradeLetter letter(GradeLetter ignoringTrust, Reasons reasons) {
		if (reasons.anyCapped(GradeLetter.T)) {
			return GradeLetter.T;
		}
		return reasons.anyCapped(GradeLetter.M) ? GradeLetter.M : ignoringTrust;
	}

}
