package dev.tlswatch.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Who signed in with a password or a remember-me cookie, and the user's security stamp at
 * that moment. A session whose stamp is no longer the stored one (the role, enabled state
 * or password changed since) is ended: see {@link Accounts#isCurrent(SignedInUser)}.
 */
public final class SignedInUser extends User {

	private final long securityStamp;

	SignedInUser(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
			long securityStamp) {
		super(username, password, enabled, true, true, true, authorities);
		this.securityStamp = securityStamp;
	}

	/** The user's security stamp when this sign-in was checked. */
	public long securityStamp() {
		return this.securityStamp;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser user && super.equals(user) && this.securityStamp == user.securityStamp;
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + Long.hashCode(this.securityStamp);
	}

}
