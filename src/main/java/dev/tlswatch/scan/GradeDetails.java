package dev.tlswatch.scan;

import java.util.List;

/**
 * The grade of one address, A+ to F plus T (trust) and M (name mismatch), after the
 * public SSL Labs rating guide.
 *
 * @param letter the grade ({@code A+}, {@code A}, {@code A-}, {@code B}... {@code F},
 * {@code T}, {@code M})
 * @param ignoringTrust the grade the address would have if its certificate were trusted
 * and matched
 * @param score the numeric score, 0 to 100, trust aside
 * @param reasons every cap, warning and untested input, worst first
 */
public record GradeDetails(String letter, String ignoringTrust, double score, List<Reason> reasons) {

	public GradeDetails {
		reasons = List.copyOf(reasons);
	}

	/**
	 * Why the grade is not higher, or what could not be tested.
	 *
	 * @param code a stable code ({@code TLS10_ACCEPTED}...)
	 * @param text a sentence for users
	 * @param cap the best grade this reason allows
	 */
	public record Reason(String code, String text, String cap) {
	}

}
