package dev.tlswatch.api;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/endpoints} on the real registry and database. The database is shared:
 * hosts are unique per test and "nothing stored" compares row counts.
 */
@ApiIntegrationTest
class EndpointApiIntegrationTests {

	private static final String ENDPOINTS = "/api/v1/endpoints";

	private static final String ALLOWED_TLS_MODES = "must be one of [IMPLICIT, STARTTLS_SMTP, STARTTLS_IMAP, STARTTLS_POP3, STARTTLS_FTP, STARTTLS_LDAP, STARTTLS_XMPP, STARTTLS_POSTGRES, STARTTLS_MYSQL, STARTTLS_NNTP, STARTTLS_SIEVE, STARTTLS_LMTP, STARTTLS_IRC, STARTTLS_MSSQL, AUTO]";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void registerAnswers201WithLocationAndTheStoredEndpoint() throws Exception {
		String host = uniqueHost();
		MvcResult result = this.mvc.perform(post(ENDPOINTS).contentType(MediaType.APPLICATION_JSON).content("""
				{"host":" %s. ","port":465,"tlsMode":"IMPLICIT","sniName":null,"scanIntervalMinutes":30,
				 "tags":["Mail","prod","mail"],"enabled":true}""".formatted(host.toUpperCase())))
			.andExpect(status().isCreated())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.host").value(host))
			.andExpect(jsonPath("$.port").value(465))
			.andExpect(jsonPath("$.tlsMode").value("IMPLICIT"))
			.andExpect(jsonPath("$.sniName").value(nullValue()))
			.andExpect(jsonPath("$.scanIntervalMinutes").value(30))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.tags").value(contains("mail", "prod")))
			.andExpect(jsonPath("$.createdAt").isString())
			.andExpect(jsonPath("$.updatedAt").isString())
			.andReturn();
		long id = idOf(result);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo(ENDPOINTS + "/" + id);
		this.mvc.perform(get(ENDPOINTS + "/" + id))
			.andExpect(status().isOk())
			.andExpect(content().json(result.getResponse().getContentAsString()));
	}

	@Test
	void registerAppliesDefaults() throws Exception {
		this.mvc.perform(post(ENDPOINTS).contentType(MediaType.APPLICATION_JSON).content("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT"}""".formatted(uniqueHost())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.scanIntervalMinutes").value(60))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.tags").value(hasSize(0)));
	}

	@Test
	void emptyHostIs422NamingHostAndStoresNothing() throws Exception {
		long before = countEndpoints();
		register("""
				{"host":"","port":443,"tlsMode":"IMPLICIT"}""").andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-endpoint"))
			.andExpect(jsonPath("$.title").value("Invalid endpoint"))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value("The endpoint has 1 invalid field; nothing was stored."))
			.andExpect(jsonPath("$.instance").value(ENDPOINTS))
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].message").value("is required"))
			.andExpect(jsonPath("$.errors").value(hasSize(1)));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void hostWithSpacesIs422NamingHostAndStoresNothing() throws Exception {
		long before = countEndpoints();
		register("""
				{"host":"mail example.com","port":443,"tlsMode":"IMPLICIT"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].message").value("must not contain spaces"));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 70000 })
	void portOutOfRangeIs422NamingPortAndStoresNothing(int port) throws Exception {
		long before = countEndpoints();
		register("""
				{"host":"%s","port":%d,"tlsMode":"IMPLICIT"}""".formatted(uniqueHost(), port))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("port"))
			.andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 65535"));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void everyInvalidFieldIsNamedAtOnce() throws Exception {
		long before = countEndpoints();
		register("""
				{"host":"-bad-","port":0,"sniName":"192.0.2.1","scanIntervalMinutes":0,"tags":["ok","not ok"]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("The endpoint has 6 invalid fields; nothing was stored."))
			.andExpect(jsonPath("$.errors[*].field")
				.value(contains("host", "port", "tlsMode", "sniName", "scanIntervalMinutes", "tags[1]")));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void unknownTlsModeIs400NamingTlsModeAndStoresNothing() throws Exception {
		long before = countEndpoints();
		register("""
				{"host":"%s","port":70,"tlsMode":"STARTTLS_GOPHER"}""".formatted(uniqueHost()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-request"))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.instance").value(ENDPOINTS))
			.andExpect(jsonPath("$.errors[0].field").value("tlsMode"))
			.andExpect(jsonPath("$.errors[0].message").value(ALLOWED_TLS_MODES));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void startTlsAndAutoModesAreStoredByName() throws Exception {
		for (String tlsMode : new String[] { "STARTTLS_SMTP", "STARTTLS_POSTGRES", "STARTTLS_MYSQL", "STARTTLS_NNTP",
				"STARTTLS_SIEVE", "STARTTLS_LMTP", "STARTTLS_IRC", "STARTTLS_MSSQL", "AUTO" }) {
			long id = idOf(register("""
					{"host":"%s","port":587,"tlsMode":"%s"}""".formatted(uniqueHost(), tlsMode))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.tlsMode").value(tlsMode))
				.andReturn());
			this.mvc.perform(get(ENDPOINTS + "/" + id)).andExpect(jsonPath("$.tlsMode").value(tlsMode));
		}
	}

	@Test
	void tlsModeMustBeGivenByName() throws Exception {
		for (String tlsMode : new String[] { "0", "\"0\"", "\"implicit\"", "\"auto\"", "\"STARTTLS\"", "[]" }) {
			register("""
					{"host":"%s","port":443,"tlsMode":%s}""".formatted(uniqueHost(), tlsMode))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("tlsMode"))
				.andExpect(jsonPath("$.errors[0].message").value(ALLOWED_TLS_MODES));
		}
	}

	@Test
	void unknownPropertyIs400NamingIt() throws Exception {
		long before = countEndpoints();
		register("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT","intervall":5}""".formatted(uniqueHost()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("intervall"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a known property"));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void wrongJsonTypesAre400NamingTheField() throws Exception {
		register("""
				{"host":"%s","port":"https","tlsMode":"IMPLICIT"}""".formatted(uniqueHost()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("port"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
		register("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT","tags":["a",{}]}""".formatted(uniqueHost()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tags[1]"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a string"));
		register("""
				{"host":"%s","port":99999999999,"tlsMode":"IMPLICIT"}""".formatted(uniqueHost()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("port"))
			.andExpect(jsonPath("$.errors[0].message").value("is out of range"));
	}

	@Test
	void malformedJsonIs400() throws Exception {
		register("{\"host\": ").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))
			.andExpect(jsonPath("$.errors").value(hasSize(0)));
		register("[]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body must be a JSON object."));
	}

	@Test
	void duplicateHostPortAndSniIs409NamingTheFieldsAndTheExistingEndpoint() throws Exception {
		String host = uniqueHost();
		long existing = idOf(register("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT","sniName":"www.%s"}""".formatted(host, host))
			.andExpect(status().isCreated())
			.andReturn());
		long before = countEndpoints();
		register("""
				{"host":"%s.","port":443,"tlsMode":"IMPLICIT","sniName":"WWW.%s"}""".formatted(host.toUpperCase(),
				host))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/duplicate-endpoint"))
			.andExpect(jsonPath("$.title").value("Endpoint already registered"))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value(containsString(host + ":443")))
			.andExpect(jsonPath("$.instance").value(ENDPOINTS))
			.andExpect(jsonPath("$.existingId").value(existing))
			.andExpect(jsonPath("$.existing").value(ENDPOINTS + "/" + existing))
			.andExpect(jsonPath("$.errors[*].field").value(contains("host", "port", "sniName")));
		assertThat(countEndpoints()).isEqualTo(before);
	}

	@Test
	void listsPagesSortedAsAsked() throws Exception {
		String unique = uniqueLabel();
		for (String name : new String[] { "a", "b", "c" }) {
			register("""
					{"host":"%s.%s.example","port":443,"tlsMode":"IMPLICIT"}""".formatted(name, unique))
				.andExpect(status().isCreated());
		}
		this.mvc.perform(get(ENDPOINTS).param("page", "0").param("size", "2").param("sort", "createdAt,desc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].host")
				.value(contains("c." + unique + ".example", "b." + unique + ".example")))
			.andExpect(jsonPath("$.page.number").value(0))
			.andExpect(jsonPath("$.page.size").value(2))
			.andExpect(jsonPath("$.page.totalElements").value(greaterThanOrEqualTo(3)))
			.andExpect(jsonPath("$.page.totalPages").value(greaterThanOrEqualTo(2)));
		this.mvc.perform(get(ENDPOINTS).param("size", "1").param("sort", "createdAt", "desc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].host").value("c." + unique + ".example"));
		this.mvc.perform(get(ENDPOINTS)).andExpect(status().isOk()).andExpect(jsonPath("$.page.size").value(20));
	}

	@Test
	void listParametersAreChecked() throws Exception {
		this.mvc.perform(get(ENDPOINTS).param("size", "201"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 200"));
		this.mvc.perform(get(ENDPOINTS).param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		this.mvc.perform(get(ENDPOINTS).param("page", "first"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
		this.mvc.perform(get(ENDPOINTS).param("sort", "tags"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("cannot sort by 'tags'")));
	}

	@Test
	void updateReplacesTheSettings() throws Exception {
		String host = uniqueHost();
		long id = idOf(register("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT","tags":["a"]}""".formatted(host)).andReturn());
		this.mvc.perform(put(ENDPOINTS + "/" + id).contentType(MediaType.APPLICATION_JSON).content("""
				{"host":"%s","port":8443,"tlsMode":"IMPLICIT","sniName":"www.%s","scanIntervalMinutes":15,
				 "tags":["b"],"enabled":false}""".formatted(host, host)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.port").value(8443))
			.andExpect(jsonPath("$.sniName").value("www." + host))
			.andExpect(jsonPath("$.scanIntervalMinutes").value(15))
			.andExpect(jsonPath("$.tags").value(contains("b")))
			.andExpect(jsonPath("$.enabled").value(false));
		this.mvc.perform(get(ENDPOINTS + "/" + id)).andExpect(jsonPath("$.port").value(8443));
	}

	@Test
	void invalidOrUnknownUpdatesAreProblems() throws Exception {
		long id = idOf(register("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT"}""".formatted(uniqueHost())).andReturn());
		this.mvc.perform(put(ENDPOINTS + "/" + id).contentType(MediaType.APPLICATION_JSON).content("""
				{"host":"a b","port":443,"tlsMode":"IMPLICIT"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("host"));
		this.mvc.perform(get(ENDPOINTS + "/" + id)).andExpect(jsonPath("$.host").value(containsString(".example")));
		this.mvc.perform(put(ENDPOINTS + "/" + Long.MAX_VALUE).contentType(MediaType.APPLICATION_JSON).content("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT"}""".formatted(uniqueHost())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/endpoint-not-found"));
	}

	@Test
	void deleteAnswers204ThenTheEndpointIsGone() throws Exception {
		long id = idOf(register("""
				{"host":"%s","port":443,"tlsMode":"IMPLICIT"}""".formatted(uniqueHost())).andReturn());
		this.mvc.perform(delete(ENDPOINTS + "/" + id))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));
		this.mvc.perform(get(ENDPOINTS + "/" + id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/endpoint-not-found"))
			.andExpect(jsonPath("$.title").value("Endpoint not found"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No endpoint with id " + id + "."))
			.andExpect(jsonPath("$.instance").value(ENDPOINTS + "/" + id))
			.andExpect(jsonPath("$.endpointId").value(id));
		this.mvc.perform(delete(ENDPOINTS + "/" + id)).andExpect(status().isNotFound());
	}

	@Test
	void nonNumericIdIs400NamingIt() throws Exception {
		this.mvc.perform(get(ENDPOINTS + "/first"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a whole number"))
			.andExpect(jsonPath("$.instance").value(ENDPOINTS + "/first"));
	}

	@Test
	void otherRequestErrorsAreProblemsToo() throws Exception {
		this.mvc.perform(post(ENDPOINTS).contentType(MediaType.TEXT_PLAIN).content("host"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(415))
			.andExpect(jsonPath("$.title").value("Unsupported Media Type"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/unsupported-media-type"))
			.andExpect(jsonPath("$.instance").value(ENDPOINTS));
		this.mvc.perform(post(ENDPOINTS).contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(put(ENDPOINTS))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"));
	}

	@Test
	void apiDocsDescribeTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints'].post.summary").value("Register an endpoint"))
			.andExpect(jsonPath("$.paths['/api/v1/endpoints'].post.responses['422']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints'].post.responses['409']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints'].post.responses['400']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints/{id}'].get.responses['404']").exists());
	}

	private ResultActions register(String json) throws Exception {
		return this.mvc.perform(post(ENDPOINTS).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long countEndpoints() {
		Long count = this.jdbc.queryForObject("select count(*) from endpoint", Long.class);
		return (count != null) ? count : 0;
	}

	static long idOf(MvcResult result) throws Exception {
		Number id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
		return id.longValue();
	}

	static String uniqueLabel() {
		return "t" + UUID.randomUUID().toString().replace("-", "");
	}

	static String uniqueHost() {
		return "api." + uniqueLabel() + ".example";
	}

}
