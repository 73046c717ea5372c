package dev.tlswatch.account;

/**
 * No user or token with the given id exists (or it is not the caller's to see).
 */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(String message) {
		super(message);
	}

}
