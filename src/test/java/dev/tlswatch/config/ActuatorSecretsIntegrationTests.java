package dev.tlswatch.config;

import dev.tlswatch.support.GuardIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.support.GuardIntegrationTest.API_KEY;
import static dev.tlswatch.support.GuardIntegrationTest.MAIL_PASSWORD;
import static dev.tlswatch.support.GuardIntegrationTest.URL_PASSWORD;
import static dev.tlswatch.support.GuardIntegrationTest.WEBHOOK_TOKEN;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The actuator's {@code env} and {@code configprops}, exposed with every value shown,
 * still mask the secrets.
 */
@GuardIntegrationTest
class ActuatorSecretsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void envShowsOrdinaryValuesButMasksSecrets() throws Exception {
		this.mvc.perform(get("/actuator/env/tlswatch.scan.connect-timeout"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.property.value").value("2s"));
		this.mvc.perform(get("/actuator/env/spring.mail.password"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.property.value").value("******"));
		this.mvc.perform(get("/actuator/env/tlswatch.notify.webhook.url"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.property.value").value("******"));
		this.mvc.perform(get("/actuator/env/tlswatch.test.mirror"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.property.value").value("https://reader:******@mirror.example.test/x"));
		this.mvc.perform(get("/actuator/env"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("tlswatch.test.api-key"), noSecret())));
	}

	@Test
	void configpropsShowsOrdinaryValuesButMasksSecrets() throws Exception {
		this.mvc.perform(get("/actuator/configprops"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("\"maxAddresses\":16"),
					containsString("\"password\":\"******\""), noSecret())));
	}

	private static org.hamcrest.Matcher<String> noSecret() {
		return allOf(not(containsString(MAIL_PASSWORD)), not(containsString(WEBHOOK_TOKEN)),
				not(containsString(API_KEY)), not(containsString(URL_PASSWORD)));
	}

}
