package dev.tlswatch.api;

import dev.tlswatch.scan.Discovery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/discover} with the real discovery. What each state means is tested
 * in {@code DiscoveryIntegrationTests} against in-process servers; here the well-known
 * ports of the loopback address give the shape of the answer.
 */
@ApiIntegrationTest
class DiscoveryApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void answersOneResultPerWellKnownPort() throws Exception {
		this.mvc.perform(discover("{\"host\":\"127.0.0.1\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.host").value("127.0.0.1"))
			.andExpect(jsonPath("$.addresses[0]").value("127.0.0.1"))
			.andExpect(jsonPath("$.ports.length()").value(Discovery.PORTS.size()))
			.andExpect(jsonPath("$.ports[0].port").value(443))
			.andExpect(jsonPath("$.ports[0].mode").value("IMPLICIT"))
			.andExpect(jsonPath("$.ports[14].port").value(25))
			.andExpect(jsonPath("$.ports[14].mode").value("STARTTLS_SMTP"))
			.andExpect(jsonPath("$.ports[0].state").isString());
	}

	@Test
	void theMetadataAddressIsRefusedNamingTheHost() throws Exception {
		this.mvc.perform(discover("{\"host\":\"169.254.169.254\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-discovery-target"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.containsString("169.254.169.254 is a cloud metadata service address")));
	}

	@Test
	void aMissingOrInvalidHostIsRefusedNamingTheHost() throws Exception {
		this.mvc.perform(discover("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].message").value("must not be empty"));
		this.mvc.perform(discover("{\"host\":\"not a host\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("host"));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder discover(String body) {
		return post("/api/v1/discover").contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
