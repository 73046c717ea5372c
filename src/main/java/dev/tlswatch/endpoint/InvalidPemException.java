package dev.tlswatch.endpoint;

/**
 * PEM text could not be read as what it was meant to be. The message completes a sentence
 * about the field ("is encrypted; ...") and never quotes the input.
 */
public class InvalidPemException extends IllegalArgumentException {

	public InvalidPemException(String message) {
		super(message);
	}

}
