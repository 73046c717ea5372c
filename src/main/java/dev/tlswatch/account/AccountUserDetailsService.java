package dev.tlswatch.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a user with the password hash and the authorities of the role, for password
 * sign-in and remember-me.
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
		return User.withUsername(stored.user().username())
			.password(stored.passwordHash())
			.authorities(stored.user().role().authorities())
			.disabled(!stored.user().enabled())
			.build();
	}

}
