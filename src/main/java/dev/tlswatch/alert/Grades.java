package dev.tlswatch.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Orders grade letters from best to worst.
 */
final class Grades {

	private static final List<String> ORDER = List.of("A+", "A", "A-", "B", "C", "D", "E", "F");

	private Grades() {
	}

	/**
	 * The rank of a grade, 0 for A+; T and M (trust, mismatch) rank with F; -1 for what
	 * is no grade.
	 */
	static int rank(@Nullable String grade) {
		if (grade == null) {
			return -1;
		}
		if (grade.equals("T") || grade.equals("M")) {
			return ORDER.size() - 1;
		}
		return ORDER.indexOf(grade);
	}

	static boolean worse(String grade, String than) {
		return rank(grade) > rank(than);
	}

}
