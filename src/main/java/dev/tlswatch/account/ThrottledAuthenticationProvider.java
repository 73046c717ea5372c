package dev.tlswatch.account;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (the login form and HTTP Basic) behind the
 * {@link LoginThrottle}. Failures are logged with the username and address, never the
 * password.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private static final int MAX_LOGGED_NAME = 64;

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = address(authentication.getDetails());
		try {
			this.throttle.check(username, address);
		}
		catch (LoginThrottledException ex) {
			logger.warn("Sign-in refused for user '{}' from {}: too many failures", printable(username), address);
			throw ex;
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username, address);
			return result;
		}
		catch (BadCredentialsException | AccountStatusException ex) {
			this.throttle.failed(username, address);
			logger.warn("Failed sign-in for user '{}' from {}: {}", printable(username), address,
					(ex instanceof BadCredentialsException) ? "wrong username or password" : "account disabled");
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static @Nullable String address(@Nullable Object details) {
		return (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
	}

	/** A username is user input: no line breaks or control characters in the log. */
	static String printable(String username) {
		StringBuilder text = new StringBuilder();
		username.codePoints()
			.limit(MAX_LOGGED_NAME)
			.forEach((c) -> text.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
		return (username.length() > MAX_LOGGED_NAME) ? text + "…" : text.toString();
	}

}
