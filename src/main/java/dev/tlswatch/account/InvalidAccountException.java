package dev.tlswatch.account;

/**
 * A user or token request has an invalid field; nothing was stored.
 */
public class InvalidAccountException extends RuntimeException {

	private final String field;

	public InvalidAccountException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The invalid field, named as in the API.
	 * @return the field name
	 */
	public String getField() {
		return this.field;
	}

}
