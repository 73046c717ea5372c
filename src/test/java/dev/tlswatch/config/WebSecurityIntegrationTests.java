package dev.tlswatch.config;

import java.util.List;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.Role;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's web security: form login and logout, the sign-in throttle, CSRF on
 * forms, security headers on every page, the open health check.
 */
@IntegrationTest
class WebSecurityIntegrationTests {

	private static final String USER = "web-operator";

	private static final String PASSWORD = "web-operator-password";

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ApiTokens tokens;

	private MockMvc mvc;

	@BeforeEach
	void operatorExists() {
		this.mvc = TestUsers.anonymousMvc(this.context);
		if (this.accounts.find(USER).isEmpty()) {
			this.accounts.create(USER, PASSWORD, Role.OPERATOR);
		}
	}

	@Test
	void signInShowsTheUserAndSignOutEndsTheSession() throws Exception {
		MockHttpSession session = signIn(USER, PASSWORD, "192.0.2.20");

		String page = this.mvc.perform(get("/endpoints").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("<span class=\"site-user__name\">" + USER + "</span>", "action=\"/logout\"",
					"<meta name=\"csrf-token\"", "href=\"/tokens\"")
			.doesNotContain("href=\"/users\"");

		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/endpoints").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void wrongPasswordGoesBackToTheLoginPageWithAMessage() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", USER)
				.param("password", "not-the-password")
				.with(csrf())
				.with(from("192.0.2.21")))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong username or password")));
	}

	@Test
	void fiveFailuresFromOneAddressDelayEvenTheRightPassword() throws Exception {
		String user = "throttled-user";
		if (this.accounts.find(user).isEmpty()) {
			this.accounts.create(user, PASSWORD, Role.VIEWER);
		}
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/login").param("username", "guess-" + i)
					.param("password", "wrong")
					.with(csrf())
					.with(from("192.0.2.30")))
				.andExpect(redirectedUrl("/login?error"));
		}

		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", user)
				.param("password", PASSWORD)
				.with(csrf())
				.with(from("192.0.2.30")))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many failed sign-ins")));
		// Another address is not affected, and HTTP Basic is throttled alike.
		signIn(user, PASSWORD, "192.0.2.31");
		this.mvc
			.perform(get("/api/v1/endpoints").with(from("192.0.2.30"))
				.header(HttpHeaders.AUTHORIZATION,
						"Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/login-throttled"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Too many failed sign-ins")));
	}

	@Test
	void guessingAUsersPasswordFromOneAddressDoesNotLockTheUserOutFromAnother() throws Exception {
		String user = "pair-throttled-user";
		if (this.accounts.find(user).isEmpty()) {
			this.accounts.create(user, PASSWORD, Role.VIEWER);
		}
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/login").param("username", user)
					.param("password", "wrong-" + i)
					.with(csrf())
					.with(from("192.0.2.40")))
				.andExpect(redirectedUrl("/login?error"));
		}
		MockHttpSession refused = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", user)
				.param("password", PASSWORD)
				.with(csrf())
				.with(from("192.0.2.40")))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/login").param("error", "").session(refused))
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("Too many failed sign-ins. Try again in")));

		signIn(user, PASSWORD, "192.0.2.41");
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRejected() throws Exception {
		MockHttpSession session = signIn(USER, PASSWORD, "192.0.2.22");

		this.mvc.perform(post("/endpoints/999999/scan").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/endpoints/999999/scan").session(session).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/endpoints/999999/scan").session(session).with(csrf())).andExpect(status().isNotFound());
		// The API, too, needs the token when only the session cookie vouches for the
		// caller.
		this.mvc.perform(post("/api/v1/endpoints/999999/scans").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", USER).param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() throws Exception {
		String token = this.tokens.create(USER, "headers", Role.OPERATOR, null).token();
		for (String path : List.of("/login", "/endpoints", "/tokens", "/endpoints/999999", "/api/v1/endpoints",
				"/actuator/health", "/css/app.css")) {
			MockHttpServletResponse response = this.mvc
				.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.accept(MediaType.TEXT_HTML, MediaType.ALL))
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("Content-Security-Policy")).as(path)
				.isEqualTo(SecuritySettings.DEFAULT_CSP)
				.contains("script-src 'self'")
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("same-origin");
			assertThat(response.getHeader("Strict-Transport-Security")).as(path + " over HTTP").isNull();
		}
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
	}

	@Test
	void healthIsOpenButItsDetailsAreForSignedInUsers() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		String token = this.tokens.create(USER, "health", Role.VIEWER, null).token();
		this.mvc.perform(get("/actuator/health").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	@Test
	void htmxRequestsWithoutSessionAreSentToTheLoginPageAsAWhole() throws Exception {
		this.mvc.perform(post("/endpoints/1/scan").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	private MockHttpSession signIn(String username, String password, String address) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andExpect(redirectedUrl("/endpoints"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
