package dev.tlswatch.config;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.Role;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal API tokens end to end: created (API and page), used, expired, revoked, wrong;
 * role ceilings; only the hash stored; HTTP Basic for scripts.
 */
@IntegrationTest
class ApiTokenIntegrationTests {

	private static final String USER = "token-owner";

	private static final String PASSWORD = "token-owner-password";

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ApiTokens tokens;

	@Autowired
	private JdbcTemplate jdbc;

	private MockMvc mvc;

	@BeforeEach
	void ownerIsAnOperator() {
		this.mvc = TestUsers.anonymousMvc(this.context);
		if (this.accounts.find(USER).isEmpty()) {
			this.accounts.create(USER, PASSWORD, Role.OPERATOR);
		}
	}

	@Test
	void tokenCreatedWithBasicIsShownOnceStoredHashedAndWorksUntilRevoked() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, basic(USER, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"deploy <script>\",\"roleCeiling\":\"VIEWER\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.startsWith("/api/v1/tokens/")))
			.andExpect(jsonPath("$.details.roleCeiling").value("VIEWER"))
			.andExpect(jsonPath("$.details.lastUsedAt").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(body, "$.token");
		int id = JsonPath.read(body, "$.details.id");
		assertThat(token).startsWith(ApiTokens.TOKEN_PREFIX).hasSize(48);

		Map<String, Object> stored = this.jdbc.queryForMap("select * from account_token where id = ?", id);
		assertThat(stored.get("token_hash")).isEqualTo(sha256(token));
		assertThat(stored.values()).noneMatch((value) -> String.valueOf(value).contains(token.substring(12)));

		this.mvc.perform(get("/api/v1/endpoints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select last_used_at from account_token where id = ?", Instant.class, id))
			.isNotNull();
		this.mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(token))));
		// The ceiling holds even though the owner is an operator.
		this.mvc
			.perform(post("/api/v1/endpoints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());

		this.mvc.perform(delete("/api/v1/tokens/" + id).header(HttpHeaders.AUTHORIZATION, basic(USER, PASSWORD)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/endpoints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void expiredWrongAndMalformedTokensAre401() throws Exception {
		String token = this.tokens.create(USER, "short-lived", Role.OPERATOR, Instant.now().plus(1, ChronoUnit.DAYS))
			.token();
		this.mvc.perform(get("/api/v1/endpoints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		this.jdbc.update("update account_token set expires_at = now() - interval '1 second' where token_hash = ?",
				sha256(token));

		for (String credentials : List.of("Bearer " + token, "Bearer " + token.substring(0, 47) + "x",
				"Bearer tlsw_short", "Bearer " + "x".repeat(5000), basic("nobody-at-all", "wrong-password-1"))) {
			this.mvc.perform(get("/api/v1/endpoints").header(HttpHeaders.AUTHORIZATION, credentials).with((request) -> {
				request.setRemoteAddr("192.0.2.10");
				return request;
			}))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tlswatch\""))
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void aDisabledOwnersTokensStopWorking() throws Exception {
		String username = "disabled-owner";
		long userId = this.accounts.find(username)
			.orElseGet(() -> this.accounts.create(username, PASSWORD, Role.VIEWER))
			.id();
		this.accounts.setEnabled(userId, true);
		String token = this.tokens.create(username, "script", Role.VIEWER, null).token();
		this.mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());

		this.accounts.setEnabled(userId, false);

		this.mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenCannotGrantMoreThanItsOwnerOrRevokeAnothersToken() throws Exception {
		String viewer = "token-viewer";
		if (this.accounts.find(viewer).isEmpty()) {
			this.accounts.create(viewer, PASSWORD, Role.VIEWER);
		}
		String viewerToken = this.tokens.create(viewer, "mine", Role.VIEWER, null).token();
		long othersToken = this.tokens.create(USER, "not yours", Role.OPERATOR, null).details().id();

		this.mvc
			.perform(post("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"more\",\"roleCeiling\":\"ADMIN\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("roleCeiling"));
		this.mvc
			.perform(delete("/api/v1/tokens/" + othersToken).header(HttpHeaders.AUTHORIZATION, "Bearer " + viewerToken))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/tokens?all=true").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewerToken))
			.andExpect(status().isForbidden());
		assertThat(this.tokens.get(othersToken).revokedAt()).isNull();
	}

	@Test
	void tokenCreatedOnThePageIsShownOnlyInTheAnswerToTheForm() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", USER).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/endpoints"))
			.andReturn()
			.getRequest()
			.getSession();

		String page = this.mvc
			.perform(post("/tokens").session(session)
				.param("name", "from the page")
				.param("roleCeiling", "OPERATOR")
				.param("lifetimeDays", "30")
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = page.replaceAll("(?s).*id=\"created-token\">(tlsw_[A-Za-z0-9_-]{43})<.*", "$1");
		assertThat(token).startsWith(ApiTokens.TOKEN_PREFIX).hasSize(48);

		this.mvc.perform(post("/api/v1/endpoints/999999/scans").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isNotFound());
		String later = this.mvc.perform(get("/tokens").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(later).contains("from the page", token.substring(0, 11) + "…").doesNotContain(token);
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
	}

	private static String sha256(String token) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
	}

}
