package dev.tlswatch.account;

/**
 * A user change conflicts with the stored state: the username is taken, or the change
 * would leave no enabled administrator.
 */
public class AccountConflictException extends RuntimeException {

	public AccountConflictException(String message) {
		super(message);
	}

}
