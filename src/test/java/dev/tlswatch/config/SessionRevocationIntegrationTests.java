package dev.tlswatch.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

import dev.tlswatch.account.AccountUser;
import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.Role;
import dev.tlswatch.account.SharedSecrets;
import dev.tlswatch.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a signed-in session may do once its rights are taken away, what remember-me
 * cookies are worth, and which credentials a request with an {@code Authorization} header
 * is judged by.
 */
@IntegrationTest
class SessionRevocationIntegrationTests {

	private static final String PASSWORD = "session-user-password";

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Accounts accounts;

	@Autowired
	private SharedSecrets secrets;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private JdbcClient jdbc;

	private MockMvc mvc;

	@BeforeEach
	void anonymous() {
		this.mvc = TestUsers.anonymousMvc(this.context);
	}

	@Test
	void disablingAUserEndsTheSessionAtOnce() throws Exception {
		endsTheSession((user) -> this.accounts.setEnabled(user.id(), false));
	}

	@Test
	void aRoleChangeEndsTheSessionAtOnce() throws Exception {
		endsTheSession((user) -> this.accounts.setRole(user.id(), Role.VIEWER));
	}

	@Test
	void aPasswordResetEndsTheSessionAtOnce() throws Exception {
		endsTheSession((user) -> this.accounts.resetPassword(user.id(), "a-new-password-123"));
	}

	@Test
	void aChangeThroughTheUsersApiEndsTheSessionOnAnotherInstanceToo() throws Exception {
		AccountUser user = operator();
		MockHttpSession session = signIn(user.username(), "192.0.2.60", false);
		// Another instance changes the row: the check reads the database, not a cache.
		this.jdbc.sql("update account_user set role = 'VIEWER', security_stamp = security_stamp + 1 where id = ?")
			.param(user.id())
			.update();

		this.mvc.perform(get("/endpoints").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void otherUsersSessionsGoOn() throws Exception {
		AccountUser user = operator();
		AccountUser other = operator();
		MockHttpSession session = signIn(user.username(), "192.0.2.61", false);

		this.accounts.setEnabled(other.id(), false);

		this.mvc.perform(get("/endpoints").session(session)).andExpect(status().isOk());
	}

	@Test
	void aWrongBasicPasswordIsA401WhateverTheSessionSays() throws Exception {
		AccountUser user = operator();
		MockHttpSession session = signIn(user.username(), "192.0.2.62", false);
		String wrong = basic(user.username(), "not-the-password");

		this.mvc
			.perform(post("/api/v1/endpoints").session(session)
				.header(HttpHeaders.AUTHORIZATION, wrong)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"csrf-" + UUID.randomUUID() + ".example\",\"port\":443,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/unauthorized"));
		this.mvc.perform(get("/api/v1/endpoints").session(session).header(HttpHeaders.AUTHORIZATION, wrong))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/endpoints").session(session).header(HttpHeaders.AUTHORIZATION, wrong))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/endpoints").session(session).header(HttpHeaders.AUTHORIZATION, "Bearer nope"))
			.andExpect(status().isUnauthorized());
		// The right password still needs no CSRF token: the header alone vouches.
		this.mvc
			.perform(post("/api/v1/endpoints").session(session)
				.header(HttpHeaders.AUTHORIZATION, basic(user.username(), PASSWORD))
				.with(from("192.0.2.62"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"csrf-" + UUID.randomUUID() + ".example\",\"port\":443,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isCreated());
		// And the session itself is unharmed.
		this.mvc.perform(get("/endpoints").session(session)).andExpect(status().isOk());
	}

	@Test
	void aRememberMeCookieAloneSignsInUntilTheUserChanges() throws Exception {
		AccountUser user = operator();
		Cookie remembered = rememberMeCookie(user.username(), "192.0.2.63");

		this.mvc.perform(get("/endpoints").cookie(remembered)).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/endpoints").cookie(remembered)).andExpect(status().isUnauthorized());

		this.accounts.setRole(user.id(), Role.VIEWER);

		this.mvc.perform(get("/endpoints").cookie(remembered)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theRememberMeKeyIsSharedThroughTheDatabaseSoAnotherInstanceAcceptsTheCookie() throws Exception {
		AccountUser user = operator();
		Cookie remembered = rememberMeCookie(user.username(), "192.0.2.64");
		// A second instance without tlswatch.security.remember-me-key reads the same key.
		TokenBasedRememberMeServices otherInstance = new StampedRememberMeServices(this.secrets.get("remember-me-key"),
				this.users, this.accounts);
		otherInstance.setCookieName(SecurityConfiguration.REMEMBER_ME_COOKIE);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/endpoints");
		request.setCookies(remembered);

		assertThat(otherInstance.autoLogin(request, new MockHttpServletResponse()))
			.satisfies((authentication) -> assertThat(authentication.getName()).isEqualTo(user.username()));
		assertThat(this.secrets.get("remember-me-key")).isEqualTo(this.secrets.get("remember-me-key")).hasSize(44);
	}

	private void endsTheSession(Consumer<AccountUser> change) throws Exception {
		AccountUser user = operator();
		MockHttpSession api = signIn(user.username(), "192.0.2.65", false);
		MockHttpSession form = signIn(user.username(), "192.0.2.66", false);
		this.mvc.perform(get("/endpoints").session(api)).andExpect(status().isOk());

		change.accept(user);

		this.mvc
			.perform(post("/api/v1/endpoints").session(api)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"revoked-" + UUID.randomUUID()
						+ ".example\",\"port\":443,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(api.isInvalid()).isTrue();
		this.mvc.perform(post("/endpoints/999999/scan").session(form).with(csrf())).andExpect(redirectedUrl("/login"));
		assertThat(form.isInvalid()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = ?")
			.param(user.username())
			.query(Long.class)
			.single()).isZero();
	}

	private AccountUser operator() {
		return this.accounts.create("session-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, Role.OPERATOR);
	}

	private MockHttpSession signIn(String username, String address, boolean remember) throws Exception {
		var login = post("/login").param("username", username).param("password", PASSWORD);
		if (remember) {
			login.param("remember-me", "on");
		}
		return (MockHttpSession) this.mvc.perform(login.with(csrf()).with(from(address)))
			.andExpect(redirectedUrl("/endpoints"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private Cookie rememberMeCookie(String username, String address) throws Exception {
		Cookie cookie = this.mvc
			.perform(post("/login").param("username", username)
				.param("password", PASSWORD)
				.param("remember-me", "on")
				.with(csrf())
				.with(from(address)))
			.andExpect(redirectedUrl("/endpoints"))
			.andExpect(header().exists(HttpHeaders.SET_COOKIE))
			.andReturn()
			.getResponse()
			.getCookie(SecurityConfiguration.REMEMBER_ME_COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getMaxAge()).isPositive();
		return cookie;
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
