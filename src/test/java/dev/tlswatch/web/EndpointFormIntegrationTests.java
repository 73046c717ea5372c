package dev.tlswatch.web;

import java.util.List;
import java.util.UUID;

import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestPem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The add and edit form's advanced options on the whole application: alert settings and
 * connection options are stored with the endpoint or not at all, and the client key never
 * comes back.
 */
@IntegrationTest
class EndpointFormIntegrationTests {

	private static Issued root;

	private static Issued client;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Alerts alerts;

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.rootCa("Form Options Root");
		client = TestCertificates.leaf("form client").clientAuthOnly().issuedBy(root);
	}

	@Test
	void validFormStoresTheEndpointWithItsThresholdsRecipientsAndTrustBundle() throws Exception {
		String host = uniqueHost();

		this.mvc
			.perform(form(post("/endpoints/new"), host).param("thresholds", "30, 14 ,7%")
				.param("recipients", "ops@example.com\nweb-team@example.com, ops@example.com")
				.param("ownerName", "Web team")
				.param("ownerEmail", "web@example.com")
				.param("connectAddress", "127.0.0.1")
				.param("trustBundle", TestPem.certificates(List.of(root.certificate()))))
			.andExpect(status().isFound());

		EndpointDetails stored = single(host);
		assertThat(stored.options().connectAddress()).isEqualTo("127.0.0.1");
		assertThat(stored.options().trustBundleSummary()).singleElement()
			.satisfies((anchor) -> assertThat(anchor.subject()).isEqualTo("CN=Form Options Root"));
		assertThat(this.alerts.endpointSettings(stored.id()))
			.isEqualTo(new EndpointAlertSettings(List.of("30", "14", "7%"), List.of(),
					List.of("ops@example.com", "web-team@example.com"), "Web team", "web@example.com"));
	}

	@Test
	void badThresholdIsShownNextToItsFieldAndNothingIsStored() throws Exception {
		String host = uniqueHost();

		String html = this.mvc
			.perform(form(post("/endpoints/new"), host).param("thresholds", "30, soon")
				.param("recipients", "ops@example.com")
				.param("trustBundle", TestPem.certificates(List.of(root.certificate()))))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<details class=\"advanced\" open=\"open\">", "id=\"thresholds-error\"",
				"Thresholds: \u201csoon\u201d must be a number of days", "value=\"30, soon\"",
				">ops@example.com</textarea>", "Nothing was saved");
		assertThat(this.endpoints.findByHost(host)).isEmpty();
	}

	@Test
	void badRecipientAndBadEndpointFieldAreShownTogether() throws Exception {
		String host = uniqueHost();

		String html = this.mvc
			.perform(form(post("/endpoints/new"), host).param("port", "70000").param("recipients", "ops@<b>example"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"port-error\"", "id=\"recipients-error\"",
				"Recipients: \u201cops@&lt;b&gt;example\u201d must be one mail address", "2 fields need");
		assertThat(html).doesNotContain("<b>example");
		assertThat(this.endpoints.findByHost(host)).isEmpty();
	}

	@Test
	void editWithABadThresholdChangesNeitherTheEndpointNorItsSettings() throws Exception {
		String host = uniqueHost();
		this.mvc.perform(form(post("/endpoints/new"), host).param("thresholds", "10")).andExpect(status().isFound());
		EndpointDetails stored = single(host);

		this.mvc
			.perform(form(post("/endpoints/" + stored.id() + "/edit"), host).param("port", "8443")
				.param("tags", "changed")
				.param("thresholds", "10, 100%"))
			.andExpect(status().isUnprocessableContent());

		EndpointDetails after = this.endpoints.get(stored.id());
		assertThat(after.port()).isEqualTo(443);
		assertThat(after.tags()).isEmpty();
		assertThat(this.alerts.endpointSettings(stored.id()).thresholds()).containsExactly("10");
	}

	@Test
	void trustBundleThatIsNotPemIsShownNextToItsField() throws Exception {
		String host = uniqueHost();

		String html = this.mvc
			.perform(form(post("/endpoints/new"), host).param("thresholds", "14")
				.param("trustBundle", "-----BEGIN CERTIFICATE-----\nnot base64 <script>\n-----END CERTIFICATE-----"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<details class=\"advanced\" open=\"open\">", "id=\"trustBundle-error\"",
				"Trust bundle: ", "not base64 &lt;script&gt;");
		assertThat(html).doesNotContain("<script>\n");
		assertThat(this.endpoints.findByHost(host)).isEmpty();
	}

	@Test
	void theClientKeyIsNeverRenderedAndAnEmptyKeyKeepsIt() throws Exception {
		String host = uniqueHost();
		String key = TestPem.pkcs8(client.key());
		this.mvc
			.perform(form(post("/endpoints/new"), host)
				.param("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
				.param("clientKey", key))
			.andExpect(status().isFound());
		EndpointDetails stored = single(host);
		String keyLine = key.lines().filter((line) -> !line.startsWith("-----")).findFirst().orElseThrow();

		String edit = page("/endpoints/" + stored.id() + "/edit");
		assertThat(edit).contains("A key is stored – leave empty to keep it", "name=\"removeClientCertificate\"",
				"CERTIFICATE-----");
		assertThat(edit).doesNotContain(keyLine);

		String rejected = this.mvc
			.perform(form(post("/endpoints/" + stored.id() + "/edit"), host).param("thresholds", "0")
				.param("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
				.param("clientKey", key))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rejected).contains("id=\"thresholds-error\"").doesNotContain(keyLine);

		this.mvc
			.perform(form(post("/endpoints/" + stored.id() + "/edit"), host).param("thresholds", "21")
				.param("clientCertificate", TestPem.certificates(client.chainWithoutRoot())))
			.andExpect(status().isFound());
		assertThat(this.endpoints.clientCredentials(stored.id())).isPresent();
		assertThat(this.alerts.endpointSettings(stored.id()).thresholds()).containsExactly("21");

		this.mvc
			.perform(form(post("/endpoints/" + stored.id() + "/edit"), host)
				.param("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
				.param("removeClientCertificate", "true"))
			.andExpect(status().isFound());
		assertThat(this.endpoints.get(stored.id()).options().clientKeyConfigured()).isFalse();
		assertThat(this.alerts.endpointSettings(stored.id()).thresholds()).isNull();
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String host) {
		return request.param("host", host)
			.param("port", "443")
			.param("tlsMode", "IMPLICIT")
			.param("enabled", "true")
			.param("_enabled", "on")
			.with(csrf());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private EndpointDetails single(String host) {
		List<EndpointDetails> found = this.endpoints.findByHost(host);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static String uniqueHost() {
		return "form-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
	}

}
