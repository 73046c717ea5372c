package dev.tlswatch.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.Scans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/export} and {@code /api/v1/endpoints/import} on the real registry and
 * database, with the scan and finding APIs mocked. The database is shared: hosts are
 * unique per test and "nothing stored" looks for them.
 */
@ApiIntegrationTest
class InventoryApiIntegrationTests {

	private static final String IMPORT = "/api/v1/endpoints/import";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Test
	void exportAsCsvListsTheEndpointWithItsLatestScanAsAnAttachment() throws Exception {
		EndpointDetails endpoint = registerScanned();
		String csv = this.mvc.perform(get("/api/v1/export").param("format", "csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"tlswatch-endpoints.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(csv).startsWith("id,host,port,tlsMode,sniName,tags,interval,enabled,status,scannedAt,"
				+ "leafNotAfter,protocol,cipherSuite,findings\r\n");
		assertThat(csv).contains("\r\n" + endpoint.id() + "," + endpoint.host() + ",443,IMPLICIT,,prod,30,"
				+ "true,WARNING,2026-01-02T03:04:05Z,2026-02-01T00:00:00Z,TLSv1.3,TLS_AES_128_GCM_SHA256,"
				+ "CHAIN_TRUSTED CERT_EXPIRING\r\n");
	}

	@Test
	void exportAsJsonIsTheDefault() throws Exception {
		EndpointDetails endpoint = registerScanned();
		String path = "$[?(@.id == " + endpoint.id() + ")]";
		this.mvc.perform(get("/api/v1/export"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"tlswatch-endpoints.json\""))
			.andExpect(jsonPath(path + ".host").value(hasItem(endpoint.host())))
			.andExpect(jsonPath(path + ".status").value(hasItem("WARNING")))
			.andExpect(jsonPath(path + ".leafNotAfter").value(hasItem("2026-02-01T00:00:00Z")))
			.andExpect(jsonPath(path + ".protocol").value(hasItem("TLSv1.3")))
			.andExpect(jsonPath(path + ".findings[1]").value(hasItem("CERT_EXPIRING")));
	}

	@Test
	void exportInAnUnknownFormatIs400NamingFormat() throws Exception {
		this.mvc.perform(get("/api/v1/export").param("format", "xml"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value("must be csv or json"));
	}

	@Test
	void importOfJsonAnswers201WithTheCreatedEndpoints() throws Exception {
		String a = EndpointApiIntegrationTests.uniqueHost();
		String b = EndpointApiIntegrationTests.uniqueHost();
		this.mvc.perform(post(IMPORT).contentType(MediaType.APPLICATION_JSON).content("""
				[{"host":"%s","port":443,"tlsMode":"IMPLICIT","tags":["web","prod"],"interval":30},
				 {"host":"%s","port":25,"tlsMode":"auto","tags":"mail"}]""".formatted(a, b)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].host").value(a))
			.andExpect(jsonPath("$[0].tags[0]").value("prod"))
			.andExpect(jsonPath("$[0].scanIntervalMinutes").value(30))
			.andExpect(jsonPath("$[1].host").value(b))
			.andExpect(jsonPath("$[1].tlsMode").value("AUTO"));
		assertThat(stored(a, b)).isEqualTo(2);
	}

	@Test
	void importOfCsvAnswers201() throws Exception {
		String a = EndpointApiIntegrationTests.uniqueHost();
		this.mvc.perform(post(IMPORT).contentType("text/csv").content("""
				host,port,tlsMode,sniName,tags,interval\r
				%s,993,IMPLICIT,,mail;imap,\r
				""".formatted(a)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].host").value(a))
			.andExpect(jsonPath("$[0].tags").value(contains("imap", "mail")))
			.andExpect(jsonPath("$[0].scanIntervalMinutes").value(60));
	}

	@Test
	void oneBadRowIs422NamingItAndStoresNothing() throws Exception {
		String a = EndpointApiIntegrationTests.uniqueHost();
		String b = EndpointApiIntegrationTests.uniqueHost();
		String c = EndpointApiIntegrationTests.uniqueHost();
		this.mvc.perform(post(IMPORT).contentType("text/csv").content("""
				host,port,tlsMode,sniName,tags,interval
				%s,443,IMPLICIT,,,
				%s,70000,IMPLICIT,,,
				%s,443,SOMETIMES,,,99999
				""".formatted(a, b, c)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-import"))
			.andExpect(jsonPath("$.detail").value("2 rows are invalid; nothing was stored."))
			.andExpect(jsonPath("$.errors[0].field").value("rows[1].port"))
			.andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 65535"))
			.andExpect(jsonPath("$.errors[1].field").value("rows[2].tlsMode"))
			.andExpect(jsonPath("$.errors[2].field").value("rows[2].interval"))
			.andExpect(jsonPath("$.errors", hasSize(3)));
		assertThat(stored(a, b, c)).isZero();
	}

	@Test
	void duplicatesWithinTheFileOrOfRegisteredEndpointsAre422AndStoreNothing() throws Exception {
		EndpointDetails existing = this.endpoints.register(new EndpointDraft(EndpointApiIntegrationTests.uniqueHost(),
				443, TlsMode.IMPLICIT, null, 60, List.of(), false));
		String a = EndpointApiIntegrationTests.uniqueHost();
		this.mvc.perform(post(IMPORT).contentType(MediaType.APPLICATION_JSON).content("""
				[{"host":"%s","port":443,"tlsMode":"IMPLICIT"},{"host":"%s","port":443,"tlsMode":"IMPLICIT"},
				 {"host":"%s","port":443,"tlsMode":"IMPLICIT"}]""".formatted(a, a.toUpperCase(), existing.host())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rows[1].host"))
			.andExpect(jsonPath("$.errors[0].message").value("repeats row 1: host, port and sniName must be unique"))
			.andExpect(jsonPath("$.errors[1].field").value("rows[2].host"))
			.andExpect(jsonPath("$.errors[1].message")
				.value("host, port and sniName are already registered as endpoint " + existing.id()));
		assertThat(stored(a)).isZero();
	}

	@Test
	void anUnreadableFileIs400NamingTheBody() throws Exception {
		this.mvc.perform(post(IMPORT).contentType("text/csv").content("host,port\n\"open"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-import-file"))
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("A quoted cell is not closed: the file ends inside it (line 2)."));
	}

	@Test
	void aBodyOverOneMebibyteIs400() throws Exception {
		byte[] body = new byte[1024 * 1024 + 1];
		Arrays.fill(body, (byte) 'a');
		this.mvc.perform(post(IMPORT).contentType("text/csv").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("1 MiB")));
	}

	@Test
	void apiDocsDescribeImportAndExport() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/export'].get.summary")
				.value("Export every endpoint with its latest scan's headline"))
			.andExpect(jsonPath("$.paths['/api/v1/endpoints/import'].post.responses['422']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints/import'].post.responses['201']").exists());
	}

	private EndpointDetails registerScanned() {
		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft(EndpointApiIntegrationTests.uniqueHost(),
				443, TlsMode.IMPLICIT, null, 30, List.of("prod"), true));
		long scanId = 1_000_000 + endpoint.id();
		given(this.scans.latestSummaries(anyCollection())).willReturn(Map.of(endpoint.id(),
				new LatestScanSummary(endpoint.id(), scanId, Instant.parse("2026-01-02T03:04:05Z"), HandshakeOutcome.OK,
						"TLSv1.3", "TLS_AES_128_GCM_SHA256", Instant.parse("2026-02-01T00:00:00Z"))));
		given(this.findings.statusOf(anyCollection())).willReturn(Map.of(endpoint.id(), EndpointStatus.WARNING));
		given(this.findings.forScans(any())).willReturn(Map
			.of(scanId, List.of(new FindingDetails(FindingKind.CHAIN_TRUSTED, Severity.INFO, null, "Trusted."),
					new FindingDetails(FindingKind.CERT_EXPIRING, Severity.WARNING, null, "Expires soon."),
					new FindingDetails(FindingKind.CERT_EXPIRING, Severity.WARNING, "127.0.0.1", "Expires soon."))));
		return endpoint;
	}

	private int stored(String... hosts) {
		Integer count = this.jdbc.queryForObject("select count(*) from endpoint where host = any(?)", Integer.class,
				(Object) hosts);
		return (count != null) ? count : 0;
	}

}
