package dev.tlswatch.alert;

import java.util.List;

/**
 * Alert settings or an alert action were refused; nothing was stored.
 */
public class InvalidAlertInputException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidAlertInputException(List<Violation> violations) {
		super("Invalid alert input: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> getViolations() {
		return this.violations;
	}

	/**
	 * One refused field.
	 *
	 * @param field the field ({@code thresholds[1]}, {@code until})
	 * @param message what is wrong with it
	 */
	public record Violation(String field, String message) {
	}

}
