package dev.tlswatch.api;

import java.util.List;
import java.util.UUID;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.Scans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Malformed and unusable request bodies in every module's API, and unexpected errors:
 * each answer is a problem with a type of ours that names the field and the real cause.
 */
@ApiIntegrationTest
class RequestProblemsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void fractionalNumbersAre422NamingTheFieldAndStoreNothing() throws Exception {
		long before = this.endpoints.list(PageRequest.of(0, 1)).getTotalElements();
		String host = "fraction-" + UUID.randomUUID() + ".example";

		send(post("/api/v1/endpoints"), "{\"host\":\"" + host + "\",\"port\":1.5,\"tlsMode\":\"IMPLICIT\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("port"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
		send(post("/api/v1/endpoints"),
				"{\"host\":\"" + host + "\",\"port\":443,\"tlsMode\":\"IMPLICIT\",\"scanIntervalMinutes\":59.9}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("scanIntervalMinutes"));
		send(post("/api/v1/endpoints"), "{\"host\":\"" + host + "\",\"port\":4.43e2,\"tlsMode\":\"IMPLICIT\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("port"));
		assertThat(this.endpoints.list(PageRequest.of(0, 1)).getTotalElements()).isEqualTo(before);

		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft(
				"fraction-" + UUID.randomUUID() + ".example", 443, TlsMode.IMPLICIT, null, 60, List.of(), true));
		send(put("/api/v1/endpoints/" + endpoint.id()),
				"{\"host\":\"" + endpoint.host() + "\",\"port\":8443.7,\"tlsMode\":\"IMPLICIT\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("port"));
		send(post("/api/v1/endpoints/bulk"), "{\"action\":\"DISABLE\",\"ids\":[" + endpoint.id() + ".9]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ids[0]"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
		assertThat(this.endpoints.get(endpoint.id()).port()).isEqualTo(443);
		assertThat(this.endpoints.get(endpoint.id()).enabled()).isTrue();
	}

	@Test
	void deeplyNestedJsonIsNamedAsSuch() throws Exception {
		String nested = "{\"username\":\"deep\",\"x\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}";

		send(post("/api/v1/users"), nested).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("nesting depth")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("must be a JSON object"))))
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		send(post("/api/v1/endpoints"), "[".repeat(2000) + "]".repeat(2000)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body must be a JSON object."));
	}

	@Test
	void anUnknownRoleNamesTheFieldAndTheRoles() throws Exception {
		String username = "role-" + UUID.randomUUID().toString().substring(0, 8);
		send(post("/api/v1/users"),
				"{\"username\":\"" + username + "\",\"password\":\"a-long-password\",\"role\":\"ROOT\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].message").value("must be one of [VIEWER, OPERATOR, ADMIN]"))
			.andExpect(jsonPath("$.instance").value("/api/v1/users"));
		send(patch("/api/v1/users/1"), "{\"enabled\":\"maybe\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enabled"));
		assertThat(this.jdbc.sql("select count(*) from account_user where username = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void otherRequestErrorsHaveATypeOfOurs() throws Exception {
		this.mvc.perform(post("/api/v1/endpoints").contentType(MediaType.TEXT_PLAIN).content("host"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/unsupported-media-type"));
		this.mvc.perform(post("/api/v1/users").contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/unsupported-media-type"));
		this.mvc.perform(put("/api/v1/endpoints"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/method-not-allowed"));
	}

	@Test
	void anUnexpectedErrorIsA500Problem() throws Exception {
		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft(
				"unexpected-" + UUID.randomUUID() + ".example", 443, TlsMode.IMPLICIT, null, 60, List.of(), false));
		given(this.scans.scanNow(endpoint.id())).willThrow(new IllegalStateException("secret internal detail"));

		this.mvc.perform(post("/api/v1/endpoints/{id}/scans", endpoint.id()))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/internal-error"))
			.andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."))
			.andExpect(jsonPath("$.instance").value("/api/v1/endpoints/" + endpoint.id() + "/scans"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret internal detail"))));
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String json) throws Exception {
		return this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

}
