package dev.tlswatch.web;

import java.security.MessageDigest;
import java.util.HexFormat;

import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The settings page on the whole application: the defaults come from the configuration
 * beans, and the test profile's global trust bundle is read and listed.
 */
@IntegrationTest
class SettingsPageIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void showsTheConfiguredDefaultsAndTheGlobalTrustBundlesAnchors() throws Exception {
		String fingerprint = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(TestTrustBundle.ca().certificate().getEncoded()));

		String html = this.mvc.perform(get("/settings"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("tlswatch.endpoint.default-scan-interval-minutes",
				"tlswatch.finding.expiry.thresholds", ">30, 14, 7, 3, 1<", "tlswatch.scan.connect-timeout", ">2s<",
				"tlswatch.scan.handshake-timeout", "tlswatch.scan.connections-per-address",
				"tlswatch.alert.disabled-rules");
		assertThat(html).contains("id=\"trust-bundle-path\"", "tlswatch-test-trust-", "CN=TLSWatch Test Root",
				fingerprint);
		assertThat(html).doesNotContain("trust-bundle-none", "trust-bundle-problem");
	}

}
