package dev.tlswatch.account;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user or token may do. Each role includes the ones below it: an {@code ADMIN} is
 * also an {@code OPERATOR} and a {@code VIEWER}.
 */
public enum Role {

	/** Reads everything. */
	VIEWER("Viewer"),

	/** Also manages endpoints, acknowledges alerts and scans on demand. */
	OPERATOR("Operator"),

	/** Also manages users, settings and everyone's tokens. */
	ADMIN("Admin");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The Spring Security authority of this role, as {@code hasRole(...)} checks it.
	 * @return {@code ROLE_} and the name
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The authorities of this role and every role it includes, so that checks need no
	 * role hierarchy.
	 * @return the granted authorities
	 */
	public List<GrantedAuthority> authorities() {
		return Arrays.stream(values())
			.filter((role) -> role.ordinal() <= ordinal())
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	/**
	 * This role limited by a ceiling.
	 * @param ceiling the highest role allowed
	 * @return the lower of the two
	 */
	public Role atMost(Role ceiling) {
		return includes(ceiling) ? ceiling : this;
	}

}
