package dev.tlswatch.inventory;

import java.util.List;

/**
 * Rows of an import are invalid; nothing was stored.
 */
public class InvalidImportException extends RuntimeException {

	private final List<RowError> errors;

	public InvalidImportException(List<RowError> errors) {
		super("Invalid import: " + errors.size() + " errors");
		this.errors = List.copyOf(errors);
	}

	public List<RowError> getErrors() {
		return this.errors;
	}

}
