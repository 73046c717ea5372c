package dev.tlswatch.probe.grade;

import dev.tlswatch.probe.GradeLetter;

/**
 * Letters from scores and the order of the A+ to F scale.
 */
final class Letters {

	private Letters() {
	}

	/**
	 * The letter of a numeric score (guide: Methodology Overview, letter grade
	 * translation).
	 */
	static GradeLetter forScore(double score) {
		if (score >= 80) {
			return GradeLetter.A;
		}
		if (score >= 65) {
			return GradeLetter.B;
		}
		if (score >= 50) {
			return GradeLetter.C;
		}
		if (score >= 35) {
			return GradeLetter.D;
		}
		if (score >= 20) {
			return GradeLetter.E;
		}
		return GradeLetter.F;
	}

	/** The worse of two letters of the A+ to F scale. */
	static GradeLetter worse(GradeLetter one, GradeLetter other) {
		if (!one.isScale() || !other.isScale()) {
			throw new IllegalArgumentException("Only A+ to F are ordered, was " + one + " and " + other);
		}
		return (one.compareTo(other) >= 0) ? one : other;
	}

}
