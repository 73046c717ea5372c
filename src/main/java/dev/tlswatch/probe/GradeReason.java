package dev.tlswatch.probe;

import java.util.Objects;

/**
 * One rule that shaped a grade: a cap, a warning, a certificate failure, or an input that
 * could not be tested.
 *
 * @param code a stable identifier ({@code TLS10_ACCEPTED}, {@code NO_TLS13},
 * {@code NOT_TESTED_SUITES}...)
 * @param text a sentence for users ({@code TLS 1.0 accepted})
 * @param cap the best letter the rule allows: {@link GradeLetter#T} or
 * {@link GradeLetter#M} for certificate failures, {@link GradeLetter#A} for what only
 * withholds A+, {@link GradeLetter#A_PLUS} for what limits nothing (an input that was not
 * tested)
 */
public record GradeReason(String code, String text, GradeLetter cap) {

	public GradeReason {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(cap, "cap");
	}

	/**
	 * Whether the rule could not be judged for lack of input.
	 * @return {@code true} for the {@code NOT_TESTED_} codes
	 */
	public boolean notTested() {
		return this.code.startsWith("NOT_TESTED_");
	}

}
