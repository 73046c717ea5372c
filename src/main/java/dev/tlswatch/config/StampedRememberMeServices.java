package dev.tlswatch.config;

import dev.tlswatch.account.Accounts;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * Remember-me cookies ({@code username:expiry:algorithm:signature}) whose signature also
 * covers the user's security stamp: disabling the user, a new role or a new password
 * makes every cookie issued before invalid, as it ends the user's sessions. The signing
 * key is shared by every instance (configured, or kept in the database), so a cookie made
 * by one instance is valid on all of them.
 */
final class StampedRememberMeServices extends TokenBasedRememberMeServices {

	private final Accounts accounts;

	StampedRememberMeServices(String key, UserDetailsService users, Accounts accounts) {
		super(key, users, RememberMeTokenAlgorithm.SHA256);
		this.accounts = accounts;
	}

	@Override
	protected String makeTokenSignature(long tokenExpiryTime, String username, String password,
			RememberMeTokenAlgorithm algorithm) {
		long stamp = this.accounts.securityStamp(username).orElse(-1L);
		return super.makeTokenSignature(tokenExpiryTime, username, password + ":" + stamp, algorithm);
	}

}
