package dev.tlswatch.support;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.Role;

/**
 * The real administrator that integration tests act as: a user stored in the test
 * database like any other, with a password for the login page and an API token of this
 * context for MockMvc and HTTP clients. Nothing about security is switched off.
 */
public final class TestAdmin {

	public static final String USERNAME = "test-admin";

	public static final String PASSWORD = "test-admin-password";

	private final String token;

	TestAdmin(Accounts accounts, ApiTokens tokens) {
		if (accounts.find(USERNAME).isEmpty()) {
			accounts.create(USERNAME, PASSWORD, Role.ADMIN);
		}
		this.token = tokens.create(USERNAME, "integration tests", Role.ADMIN, null).token();
	}

	public String username() {
		return USERNAME;
	}

	public String password() {
		return PASSWORD;
	}

	public String token() {
		return this.token;
	}

	/**
	 * The header value that authenticates as this administrator.
	 * @return {@code Bearer} and the token
	 */
	public String authorization() {
		return "Bearer " + this.token;
	}

}
