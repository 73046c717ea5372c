package dev.tlswatch.api;

import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
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

}
