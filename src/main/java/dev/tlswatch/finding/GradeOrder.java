package dev.tlswatch.finding;

import java.util.List;

/**
 * The order the judge ranks grade letters in, best first: the worst address decides an
 * endpoint's grade, and T (untrusted) and M (name mismatch) rank between E and F. The
 * rank is stored with each endpoint's state, so pages filter and sort by it.
 */
public final class GradeOrder {

	/** Grades as shown, best first; a grade's index is its rank. */
	public static final List<String> BEST_FIRST = List.of("A+", "A", "A-", "B", "C", "D", "E", "T", "M", "F");

	private GradeOrder() {
	}

	/**
	 * The rank of a grade.
	 * @param grade the grade as shown
	 * @return its index in {@link #BEST_FIRST}, -1 for an unknown text
	 */
	public static int rank(String grade) {
		return BEST_FIRST.indexOf(grade);
	}

}
