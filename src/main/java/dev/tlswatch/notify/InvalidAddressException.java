package dev.tlswatch.notify;

/**
 * A mail address given to the notify module is not one plain {@code local@domain}
 * address.
 */
public class InvalidAddressException extends RuntimeException {

	private final String field;

	/**
	 * Creates the exception.
	 * @param field the name of the field that holds the address, for error messages
	 */
	public InvalidAddressException(String field) {
		super("'" + field + "' must be one mail address such as ops@example.com");
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
