package dev.tlswatch.config;

import java.util.EnumMap;
import java.util.Map;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.Role;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * One real user per role ({@code role-viewer}, {@code role-operator}, {@code role-admin})
 * with an API token each, and a MockMvc that sends no credentials of its own, for the
 * security tests.
 */
final class TestUsers {

	static final String PASSWORD = "role-user-password";

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	TestUsers(Accounts accounts, ApiTokens apiTokens) {
		for (Role role : Role.values()) {
			String username = username(role);
			if (accounts.find(username).isEmpty()) {
				accounts.create(username, PASSWORD, role);
			}
			this.tokens.put(role, apiTokens.create(username, "security tests", role, null).token());
		}
	}

	static String username(Role role) {
		return "role-" + role.name().toLowerCase(java.util.Locale.ROOT);
	}

	String bearer(Role role) {
		return "Bearer " + this.tokens.get(role);
	}

	/** MockMvc with the security filters and no default credentials. */
	static MockMvc anonymousMvc(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

}
