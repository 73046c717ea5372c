package dev.tlswatch.notify;

/**
 * A channel's settings are not usable; names the field at fault.
 */
public class InvalidChannelException extends RuntimeException {

	private final String field;

	/**
	 * Creates the exception.
	 * @param field the field at fault ({@code name}, {@code type}, {@code url},
	 * {@code secret}, {@code min-severity}, {@code tags}, {@code to}, {@code chat-id})
	 * @param message what is wrong, a sentence for users; never contains the secret
	 */
	public InvalidChannelException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The field at fault.
	 * @return its name
	 */
	public String getField() {
		return this.field;
	}

}
