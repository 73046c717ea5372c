package dev.tlswatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.Role;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every page and API route, for no user and for each role: allowed or denied as the
 * security issue specifies. "Allowed" means the security filters let the request through
 * (the route may still answer 404 or 422 to the dummy input); denied is {@code 403}, and
 * without credentials {@code 401} problem details for the API and a redirect to the login
 * page for pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityRulesTests {

	/**
	 * The lowest role that may send the request; {@code null}: anyone, signed in or not.
	 */
	static Stream<Arguments> routes() {
		List<Arguments> rows = new ArrayList<>();
		// Pages
		rows.add(row(HttpMethod.GET, "/endpoints", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/endpoints/999999", Role.VIEWER));
		rows.add(row(HttpMethod.HEAD, "/endpoints", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/endpoints/999999/scan", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/endpoints/bulk", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/endpoints/import", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/endpoints/import", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/endpoints/import/confirm", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/tokens", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/tokens", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/tokens/999999/revoke", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/users", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/users", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/users/999999/role", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/users/999999/enabled", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/users/999999/password", Role.ADMIN));
		rows.add(row(HttpMethod.GET, "/swagger-ui.html", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/v3/api-docs", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/login", null));
		rows.add(row(HttpMethod.GET, "/css/app.css", null));
		rows.add(row(HttpMethod.GET, "/js/app.js", null));
		// API
		rows.add(row(HttpMethod.GET, "/api/v1/endpoints", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/api/v1/endpoints/999999", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/api/v1/endpoints", Role.OPERATOR));
		rows.add(row(HttpMethod.PUT, "/api/v1/endpoints/999999", Role.OPERATOR));
		rows.add(row(HttpMethod.DELETE, "/api/v1/endpoints/999999", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/api/v1/endpoints/import", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/api/v1/endpoints/bulk", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/api/v1/export", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/api/v1/endpoints/999999/scans", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/api/v1/endpoints/999999/scans", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/api/v1/endpoints/999999/scans/latest", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/api/v1/certificates/" + "ab".repeat(32), Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/api/v1/tokens", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/api/v1/tokens", Role.VIEWER));
		rows.add(row(HttpMethod.DELETE, "/api/v1/tokens/999999", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/api/v1/users", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/api/v1/users", Role.ADMIN));
		rows.add(row(HttpMethod.PATCH, "/api/v1/users/999999", Role.ADMIN));
		// Overview, endpoint forms, alerts and settings pages
		rows.add(row(HttpMethod.GET, "/", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/endpoints/new", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/endpoints/new", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/endpoints/999999/edit", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/endpoints/999999/edit", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/endpoints/999999/delete", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/alerts", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/alerts/999999/acknowledge", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/alerts/999999/mute", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/settings", Role.VIEWER));
		// Alerts API
		rows.add(row(HttpMethod.GET, "/api/v1/alerts", Role.VIEWER));
		rows.add(row(HttpMethod.GET, "/api/v1/alerts/999999", Role.VIEWER));
		rows.add(row(HttpMethod.POST, "/api/v1/alerts/999999/acknowledge", Role.OPERATOR));
		rows.add(row(HttpMethod.POST, "/api/v1/alerts/999999/mute", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/api/v1/endpoints/999999/alert-settings", Role.VIEWER));
		rows.add(row(HttpMethod.PUT, "/api/v1/endpoints/999999/alert-settings", Role.OPERATOR));
		rows.add(row(HttpMethod.GET, "/api/v1/alert-settings/tags", Role.VIEWER));
		rows.add(row(HttpMethod.PUT, "/api/v1/alert-settings/tags/prod", Role.OPERATOR));
		rows.add(row(HttpMethod.DELETE, "/api/v1/alert-settings/tags/prod", Role.OPERATOR));
		// Administrators only: audit log and mail
		rows.add(row(HttpMethod.GET, "/api/v1/audit", Role.ADMIN));
		rows.add(row(HttpMethod.GET, "/api/v1/notify/status", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/api/v1/notify/test-mail", Role.ADMIN));
		rows.add(row(HttpMethod.POST, "/settings/test-mail", Role.ADMIN));
		rows.add(row(HttpMethod.GET, "/audit", Role.ADMIN));
		// Actuator
		rows.add(row(HttpMethod.GET, "/actuator/health", null));
		rows.add(row(HttpMethod.GET, "/actuator/info", Role.ADMIN));
		return rows.stream();
	}

	private static Arguments row(HttpMethod method, String path, Role lowest) {
		return Arguments.of(method, path, lowest);
	}

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ApiTokens apiTokens;

	private MockMvc mvc;

	private TestUsers users;

	@BeforeAll
	void createUsers() {
		this.mvc = TestUsers.anonymousMvc(this.context);
		this.users = new TestUsers(this.accounts, this.apiTokens);
	}

	@ParameterizedTest(name = "{0} {1}: {2} and above")
	@MethodSource("routes")
	void eachRoleIsAllowedOrDenied(HttpMethod method, String path, Role lowest) throws Exception {
		MockHttpServletResponse anonymous = send(method, path, null);
		if (lowest == null) {
			assertThat(anonymous.getStatus()).as("anonymous %s %s", method, path).isNotIn(401, 403);
			assertThat(anonymous.getRedirectedUrl()).as("anonymous %s %s", method, path).isNull();
		}
		else if (isApi(path)) {
			assertThat(anonymous.getStatus()).as("anonymous %s %s", method, path).isEqualTo(401);
			assertThat(anonymous.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(anonymous.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		}
		else {
			assertThat(anonymous.getStatus()).as("anonymous %s %s", method, path).isEqualTo(302);
			assertThat(anonymous.getRedirectedUrl()).as("anonymous %s %s", method, path).endsWith("/login");
		}
		for (Role role : Role.values()) {
			MockHttpServletResponse response = send(method, path, role);
			String what = role + " " + method + " " + path;
			if (lowest == null || role.includes(lowest)) {
				assertThat(response.getStatus()).as(what).isNotIn(401, 403);
				assertThat(response.getRedirectedUrl()).as(what).isNotIn("/login", "http://localhost/login");
			}
			else {
				assertThat(response.getStatus()).as(what).isEqualTo(403);
				if (isApi(path)) {
					assertThat(response.getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					assertThat(response.getContentAsString()).contains("\"status\":403");
				}
			}
		}
	}

	private MockHttpServletResponse send(HttpMethod method, String path, Role role) throws Exception {
		MockHttpServletRequestBuilder request = request(method, path).accept(MediaType.TEXT_HTML, MediaType.ALL);
		if (role != null) {
			request.header(HttpHeaders.AUTHORIZATION, this.users.bearer(role));
		}
		if (!isApi(path)) {
			// Forms carry their CSRF token; what is tested here is the role.
			request.with(csrf());
		}
		else if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static boolean isApi(String path) {
		return path.startsWith("/api/") || path.startsWith("/actuator/");
	}

}
