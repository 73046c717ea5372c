package dev.tlswatch.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for a username or from an address: the attempt was refused
 * without checking the password.
 */
public class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
		this.retryAfter = retryAfter;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
