package dev.tlswatch.scan;

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

	public GradeDetails {
		Objects.requireNonNull(letter, "letter");
		Objects.requireNonNull(ignoringTrust, "ignoringTrust");
		reasons = List.copyOf(reasons);
	}

}
