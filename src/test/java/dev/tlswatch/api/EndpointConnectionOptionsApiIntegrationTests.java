package dev.tlswatch.api;

import java.util.Base64;
import java.util.List;

import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import dev.tlswatch.support.TestPem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connection options through {@code /api/v1/endpoints}: stored, summarised, kept on
 * update, refused field by field, and the client key never answered.
 */
@ApiIntegrationTest
class EndpointConnectionOptionsApiIntegrationTests {

	private static final String ENDPOINTS = "/api/v1/endpoints";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static Issued root;

	private static Issued client;

	private static Issued other;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.rootCa("API Options Root");
		client = TestCertificates.leaf("api client").clientAuthOnly().issuedBy(root);
		other = TestCertificates.leaf("other client").keyType(KeyType.EC_P256).clientAuthOnly().issuedBy(root);
	}

	@Test
	void registerStoresTheOptionsAndAnswersSummariesWithoutTheKey() throws Exception {
		ObjectNode body = endpoint().put("connectAddress", "2001:DB8::10")
			.put("trustBundle", TestPem.certificates(List.of(root.certificate())))
			.put("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
			.put("clientKey", TestPem.pkcs8(client.key()));

		MvcResult result = send(post(ENDPOINTS), body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.connectAddress").value("2001:db8::10"))
			.andExpect(jsonPath("$.trustBundle.certificates").value(1))
			.andExpect(jsonPath("$.trustBundle.subjects").value(contains("CN=API Options Root")))
			.andExpect(jsonPath("$.clientCertificate.subject").value("CN=api client"))
			.andExpect(jsonPath("$.clientCertificate.issuer").value("CN=API Options Root"))
			.andExpect(jsonPath("$.clientCertificate.notAfter").isString())
			.andExpect(jsonPath("$.clientCertificate.sha256").isString())
			.andExpect(jsonPath("$.clientKeyConfigured").value(true))
			.andExpect(jsonPath("$.clientKey").doesNotExist())
			.andReturn();
		long id = EndpointApiIntegrationTests.idOf(result);

		assertNoKeyIn(result.getResponse().getContentAsString());
		assertNoKeyIn(this.mvc.perform(get(ENDPOINTS + "/" + id)).andReturn().getResponse().getContentAsString());
		assertNoKeyIn(this.mvc.perform(get(ENDPOINTS + "?size=200&sort=id,desc"))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void anUpdateWithoutTheKeyKeepsItAndANullCertificateRemovesBoth() throws Exception {
		ObjectNode body = endpoint().put("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
			.put("clientKey", TestPem.traditional(client.key()));
		long id = EndpointApiIntegrationTests.idOf(send(post(ENDPOINTS), body).andReturn());

		body.remove("clientKey");
		body.put("scanIntervalMinutes", 15);
		send(put(ENDPOINTS + "/" + id), body).andExpect(status().isOk())
			.andExpect(jsonPath("$.scanIntervalMinutes").value(15))
			.andExpect(jsonPath("$.clientCertificate.subject").value("CN=api client"))
			.andExpect(jsonPath("$.clientKeyConfigured").value(true));
		assertThat(storedKey(id)).isEqualTo(TestPem.traditional(client.key()));

		body.putNull("clientCertificate");
		send(put(ENDPOINTS + "/" + id), body).andExpect(status().isOk())
			.andExpect(jsonPath("$.clientCertificate").value(nullValue()))
			.andExpect(jsonPath("$.clientKeyConfigured").value(false));
		assertThat(storedKey(id)).isNull();
	}

	@Test
	void aNewCertificateForAnotherKeyNeedsTheKeyAndNothingChanges() throws Exception {
		ObjectNode body = endpoint().put("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
			.put("clientKey", TestPem.pkcs8(client.key()));
		long id = EndpointApiIntegrationTests.idOf(send(post(ENDPOINTS), body).andReturn());

		body.remove("clientKey");
		body.put("clientCertificate", TestPem.certificates(other.chainWithoutRoot()));
		send(put(ENDPOINTS + "/" + id), body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clientKey"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("is required: the stored key does not belong to the first certificate of clientCertificate"));
		this.mvc.perform(get(ENDPOINTS + "/" + id))
			.andExpect(jsonPath("$.clientCertificate.subject").value("CN=api client"));
	}

	@Test
	void invalidOptionsAre422NamingEachFieldAndNothingIsStored() throws Exception {
		long before = countEndpoints();
		ObjectNode body = endpoint().put("connectAddress", "not-an-ip")
			.put("trustBundle", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")
			.put("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
			.put("clientKey", TestPem.pkcs8(other.key()));

		String problem = send(post(ENDPOINTS), body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-endpoint"))
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[0].field").value("connectAddress"))
			.andExpect(jsonPath("$.errors[0].message").value("must be an IPv4 or IPv6 address, not a name"))
			.andExpect(jsonPath("$.errors[1].field").value("trustBundle"))
			.andExpect(jsonPath("$.errors[1].message").value("has an unreadable certificate (block 1)"))
			.andExpect(jsonPath("$.errors[2].field").value("clientKey"))
			.andExpect(jsonPath("$.errors[2].message")
				.value("does not belong to the first certificate of clientCertificate"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(countEndpoints()).isEqualTo(before);
		assertThat(problem).doesNotContain(keyBody(other));
	}

	@Test
	void aKeyWithoutCertificateAGarbageKeyAndOversizeBundleAre422() throws Exception {
		long before = countEndpoints();
		send(post(ENDPOINTS), endpoint().put("clientKey", TestPem.pkcs8(client.key())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clientKey"))
			.andExpect(jsonPath("$.errors[0].message").value("needs a clientCertificate"));
		send(post(ENDPOINTS),
				endpoint().put("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
					.put("clientKey", "-----BEGIN PRIVATE KEY-----\nZ2FyYmFnZQ==\n-----END PRIVATE KEY-----\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clientKey"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a readable PKCS#8 private key"));
		send(post(ENDPOINTS),
				endpoint().put("clientCertificate", TestPem.certificates(client.chainWithoutRoot()))
					.put("clientKey", TestPem.encrypted(client.key(), "pw")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clientKey"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"is encrypted; give the key unencrypted (for example openssl pkey -in key.pem -out plain-key.pem)"));
		send(post(ENDPOINTS), endpoint().put("trustBundle", "x".repeat(300 * 1024)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("trustBundle"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 262144 characters of PEM"));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			ObjectNode body) throws Exception {
		return this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
	}

	private static ObjectNode endpoint() {
		return json.createObjectNode()
			.put("host", EndpointApiIntegrationTests.uniqueHost())
			.put("port", 443)
			.put("tlsMode", "IMPLICIT")
			.put("enabled", false);
	}

	private String storedKey(long id) {
		return this.jdbc.queryForObject("select client_key from endpoint where id = ?", String.class, id);
	}

	private long countEndpoints() {
		Long count = this.jdbc.queryForObject("select count(*) from endpoint", Long.class);
		return (count != null) ? count : 0;
	}

	private static void assertNoKeyIn(String response) {
		assertThat(response).doesNotContain("PRIVATE KEY").doesNotContain(keyBody(client));
	}

	/** A recognisable stretch of the key's base64, as a leak would show it. */
	private static String keyBody(Issued issued) {
		String base64 = Base64.getEncoder().encodeToString(issued.key().getEncoded());
		return base64.substring(base64.length() - 48);
	}

}
