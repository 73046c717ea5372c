package dev.tlswatch.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;

/**
 * The grade of one address as stored: the probe's {@link dev.tlswatch.probe.Grade}
 * without its sub-scores, which are not kept.
 *
 * @param letter the grade, A+ to F, or T (trust) or M (name mismatch)
 * @param ignoringTrust the grade the address would have if its certificate were trusted
 * and matched, A+ to F
 * @param score the numeric score, 0 to 100, trust aside, to one decimal
 * @param reasons every cap, warning and untested input, worst first
 */
public record GradeDetails(GradeLetter letter, GradeLetter ignoringTrust, double score, List<GradeReason> reasons) {

	/** The reason a revoked certificate adds: it fails trust (the rating guide). */
	static final String REVOKED = "CERT_REVOKED";

	public GradeDetails {
		Objects.requireNonNull(letter, "letter");
		Objects.requireNonNull(ignoringTrust, "ignoringTrust");
		reasons = List.copyOf(reasons);
	}

	/**
	 * This grade as a revocation check newer than the probe that graded it says: capped
	 * at T with the reason {@code CERT_REVOKED} when a certificate is revoked, without
	 * that reason when none is (the letter then follows the other reasons as the grader
	 * does: T, else M, else the grade ignoring trust).
	 * @param revoked whether a certificate of the chain is revoked
	 * @return the grade, this one when nothing changes
	 */
	GradeDetails withRevoked(boolean revoked) {
		boolean capped = this.reasons.stream().anyMatch(GradeDetails::isRevoked);
		if (revoked == capped) {
			return this;
		}
		if (revoked) {
			List<GradeReason> all = new ArrayList<>();
			all.add(new GradeReason(REVOKED, "Certificate revoked", GradeLetter.T));
			all.addAll(this.reasons);
			return new GradeDetails(GradeLetter.T, this.ignoringTrust, this.score, all);
		}
		List<GradeReason> others = this.reasons.stream().filter((reason) -> !isRevoked(reason)).toList();
		GradeLetter letter = capsAt(others, GradeLetter.T) ? GradeLetter.T
				: capsAt(others, GradeLetter.M) ? GradeLetter.M : this.ignoringTrust;
		return new GradeDetails(letter, this.ignoringTrust, this.score, others);
	}

	private static boolean isRevoked(GradeReason reason) {
		return REVOKED.equals(reason.code());
	}

	private static boolean capsAt(List<GradeReason> reasons, GradeLetter cap) {
		return reasons.stream().anyMatch((reason) -> reason.cap() == cap);
	}

}
