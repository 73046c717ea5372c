package dev.tlswatch.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document names the API and both ways to authenticate, Swagger UI's
 * initializer adds the CSRF interceptor, and the CSRF token endpoint answers only a
 * session.
 */
@IntegrationTest
class ApiDocsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private TestAdmin admin;

	@Test
	void documentHasTitleVersionDescriptionAndBearerAndBasicSchemes() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("TLSWatch API"))
			.andExpect(jsonPath("$.info.version").value(not(emptyString())))
			.andExpect(jsonPath("$.info.description").value(containsString("Authorization: Bearer")))
			.andExpect(jsonPath("$.components.securitySchemes.bearer.type").value("http"))
			.andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
			.andExpect(jsonPath("$.components.securitySchemes.basic.type").value("http"))
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
			.andExpect(jsonPath("$.security[0].bearer").isArray())
			.andExpect(jsonPath("$.security[1].basic").isArray());
	}

	@Test
	void swaggerInitializerSendsTheCsrfTokenWithChanges() throws Exception {
		String script = this.mvc.perform(get("/swagger-ui/swagger-initializer.js"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(script).contains("async function tlswatchCsrf(request)",
				"SwaggerUIBundle({\n    requestInterceptor: tlswatchCsrf,", "../api/v1/session/csrf");
	}

	/**
	 * A browser session made by the real login form (no API token: this MockMvc does not
	 * send the test administrator's header) gets its token from the session endpoint; a
	 * change sent with the session and that token passes, the same change without it is a
	 * 403 problem that names the missing CSRF token.
	 */
	@Test
	void aSessionSignedInThroughTheLoginFormNeedsTheTokenOfTheSessionEndpoint() throws Exception {
		MockMvc browser = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		MockHttpSession session = signIn(browser);

		String csrf = browser.perform(get("/api/v1/session/csrf").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.headerName").value("X-CSRF-TOKEN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(csrf, "$.token");
		String body = "{\"name\": \"csrf session test\", \"roleCeiling\": \"VIEWER\"}";

		browser
			.perform(post("/api/v1/tokens").session(session)
				.header("X-CSRF-TOKEN", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").value(startsWith("tlsw_")));
		browser.perform(post("/api/v1/tokens").session(session).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("CSRF token missing or invalid"))
			.andExpect(jsonPath("$.detail").value(containsString("X-CSRF-TOKEN")))
			.andExpect(jsonPath("$.detail").value(not(containsString("role"))));
	}

	private MockHttpSession signIn(MockMvc browser) throws Exception {
		MvcResult page = browser.perform(get("/login")).andExpect(status().isOk()).andReturn();
		MockHttpSession session = (MockHttpSession) page.getRequest().getSession(false);
		assertThat(session).as("the login page's session").isNotNull();
		Matcher hidden = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.getResponse().getContentAsString());
		assertThat(hidden.find()).as("the login form's CSRF field").isTrue();
		MvcResult signedIn = browser
			.perform(post("/login").session(session)
				.param("username", this.admin.username())
				.param("password", this.admin.password())
				.param("_csrf", hidden.group(1)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/endpoints"))
			.andReturn();
		// Signing in gives a new session id (session fixation protection).
		return (MockHttpSession) signedIn.getRequest().getSession(false);
	}

}
