package dev.tlswatch.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a user with the password hash and the authorities of the role, for password
 * sign-in and remember-me, with the security stamp that later requests of the session are
 * checked against.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Accounts.StoredCredentials stored = this.accounts.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return new SignedInUser(stored.user().username(), stored.passwordHash(), stored.user().enabled(),
				stored.user().role().authorities(), stored.securityStamp());
	}

}
