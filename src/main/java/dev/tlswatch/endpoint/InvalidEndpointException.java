package dev.tlswatch.endpoint;

import java.util.List;

/**
 * An endpoint draft has invalid fields; nothing was stored.
 */
public class InvalidEndpointException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidEndpointException(List<FieldViolation> violations) {
		super("Invalid endpoint: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> getViolations() {
		return this.violations;
	}

	/**
	 * One invalid field.
	 *
	 * @param field the field name as in the API ({@code host}, {@code port}...)
	 * @param message what is wrong, for a user
	 */
	public record FieldViolation(String field, String message) {
	}

}
