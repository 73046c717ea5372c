package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.GradeDetails;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.scan.Scans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.never;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scan and certificate routes, on real endpoints and mocked scan and finding modules.
 */
@ApiIntegrationTest
class ScanApiIntegrationTests {

	private static final String SHA256 = "ab".repeat(32);

	private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	private EndpointDetails endpoint;

	@BeforeEach
	void registerEndpoint() {
		this.endpoint = this.endpoints.register(new EndpointDraft(EndpointApiIntegrationTests.uniqueHost(), 443,
				TlsMode.IMPLICIT, null, null, null, null));
	}

	@Test
	void scanNowAnswers201WithTheMappedScanAndItsFindings() throws Exception {
		long id = this.endpoint.id();
		given(this.scans.scanNow(id)).willReturn(scan(77, id));
		given(this.findings.forScan(77)).willReturn(List.of(
				new FindingDetails(FindingKind.CERT_EXPIRING, Severity.WARNING, "192.0.2.1", "Expires in 10 days"),
				new FindingDetails(FindingKind.CHAIN_TRUSTED, Severity.INFO, null, "Trusted")));
		this.mvc.perform(post(scansOf(id)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", scansOf(id) + "/77"))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(77))
			.andExpect(jsonPath("$.endpointId").value(id))
			.andExpect(jsonPath("$.trigger").value("MANUAL"))
			.andExpect(jsonPath("$.startedAt").value("2026-11-27T10:00:00Z"))
			.andExpect(jsonPath("$.finishedAt").value("2026-11-27T10:00:02Z"))
			.andExpect(jsonPath("$.outcome").value("OK"))
			.andExpect(jsonPath("$.error").doesNotExist())
			.andExpect(jsonPath("$.results[0].address").value("192.0.2.1"))
			.andExpect(jsonPath("$.results[0].outcome").value("OK"))
			.andExpect(jsonPath("$.results[0].protocol").value("TLSv1.3"))
			.andExpect(jsonPath("$.results[0].cipherSuite").value("TLS_AES_128_GCM_SHA256"))
			.andExpect(jsonPath("$.results[0].connectMillis").value(12))
			.andExpect(jsonPath("$.results[0].handshakeMillis").value(34))
			.andExpect(jsonPath("$.results[0].trust").value("TRUSTED"))
			.andExpect(jsonPath("$.results[0].hostnameMatches").value(true))
			.andExpect(jsonPath("$.results[0].chain[0].sha256").value(SHA256))
			.andExpect(jsonPath("$.results[0].chain[0].subject").value("CN=mail.example.com"))
			.andExpect(jsonPath("$.results[0].chain[0].issuer").value("CN=Example CA"))
			.andExpect(jsonPath("$.results[0].chain[0].notBefore").value("2026-01-01T00:00:00Z"))
			.andExpect(jsonPath("$.results[0].chain[0].notAfter").value("2026-12-07T00:00:00Z"))
			.andExpect(jsonPath("$.results[0].chain[0].subjectAltNames").value(contains("DNS:mail.example.com")))
			.andExpect(jsonPath("$.results[0].chain[0].keyAlgorithm").value("EC"))
			.andExpect(jsonPath("$.results[0].chain[0].keySize").value(256))
			.andExpect(jsonPath("$.results[0].chain[0].signatureAlgorithm").value("SHA256withECDSA"))
			.andExpect(jsonPath("$.results[0].chain[0].selfSigned").value(false))
			.andExpect(jsonPath("$.results[0].chain[0].pem").doesNotExist())
			.andExpect(jsonPath("$.results[0].chain[0].serialNumber").doesNotExist())
			.andExpect(jsonPath("$.results[0].versions[*].version").value(contains("SSL_3_0", "TLS_1_0", "TLS_1_3")))
			.andExpect(jsonPath("$.results[0].versions[0].name").value("SSL 3.0"))
			.andExpect(jsonPath("$.results[0].versions[0].outcome").value("REJECTED"))
			.andExpect(jsonPath("$.results[0].versions[0].deprecated").value(true))
			.andExpect(jsonPath("$.results[0].versions[0].detail").value("Alert: fatal protocol_version (70)"))
			.andExpect(jsonPath("$.results[0].versions[1].outcome").value("TIMEOUT"))
			.andExpect(jsonPath("$.results[0].versions[2].outcome").value("ACCEPTED"))
			.andExpect(jsonPath("$.results[0].versions[2].deprecated").value(false))
			.andExpect(jsonPath("$.results[1].address").value("2001:db8::1"))
			.andExpect(jsonPath("$.results[1].outcome").value("TIMEOUT"))
			.andExpect(jsonPath("$.results[1].error").value("connect timed out"))
			.andExpect(jsonPath("$.results[1].chain").isEmpty())
			.andExpect(jsonPath("$.results[1].versions").isEmpty())
			.andExpect(jsonPath("$.findings[*].code").value(contains("CERT_EXPIRING", "CHAIN_TRUSTED")))
			.andExpect(jsonPath("$.findings[0].severity").value("WARNING"))
			.andExpect(
					jsonPath("$.results[0].cipherSupport.suites[0].accepted[0].name").value("TLS_AES_128_GCM_SHA256"))
			.andExpect(jsonPath("$.results[0].cipherSupport.suites[0].chachaPreference").value(false))
			.andExpect(jsonPath("$.results[0].cipherSupport.groups[0].postQuantum").value(true))
			.andExpect(jsonPath("$.results[0].grade.letter").value("B"))
			.andExpect(jsonPath("$.findings[0].address").value("192.0.2.1"))
			.andExpect(jsonPath("$.findings[0].message").value("Expires in 10 days"));
	}

	/**
	 * The JSON of a scan whose model now carries the probe's enums keeps every field and
	 * value it had when the model held strings and copies: grade letters as users read
	 * them, HSTS as one {@code state}, enums by their constant names.
	 */
	@Test
	void scanJsonKeepsItsShape() throws Exception {
		long id = this.endpoint.id();
		given(this.scans.latest(id)).willReturn(Optional.of(everyField(41, id)));
		given(this.findings.forScan(41)).willReturn(List.of());
		this.mvc.perform(get(scansOf(id) + "/latest"))
			.andExpect(status().isOk())
			.andExpect(content().json(everyFieldJson(id), JsonCompareMode.STRICT));
	}

	@Test
	void historyIsAPageOfScansNewestFirst() throws Exception {
		long id = this.endpoint.id();
		given(this.scans.history(eq(id), any(Pageable.class))).willAnswer((invocation) -> {
			Pageable pageable = invocation.getArgument(1);
			return new PageImpl<>(List.of(scan(9, id), scan(8, id)), pageable, 12);
		});
		given(this.findings.forScans(List.of(9L, 8L))).willReturn(Map.of(9L, List.of(), 8L, List.of()));
		this.mvc.perform(get(scansOf(id)).param("page", "1").param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id").value(contains(9, 8)))
			.andExpect(jsonPath("$.content[0].results[0].chain[0].pem").doesNotExist())
			.andExpect(jsonPath("$.content[0].findings").isEmpty())
			.andExpect(jsonPath("$.page.number").value(1))
			.andExpect(jsonPath("$.page.size").value(2))
			.andExpect(jsonPath("$.page.totalElements").value(12))
			.andExpect(jsonPath("$.page.totalPages").value(6));
		then(this.scans).should().history(id, PageRequest.of(1, 2));
		this.mvc.perform(get(scansOf(id)).param("size", "500"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	@Test
	void oneScanIsFoundUnderItsOwnEndpointOnly() throws Exception {
		long id = this.endpoint.id();
		given(this.scans.find(77)).willReturn(Optional.of(scan(77, id)));
		given(this.scans.find(78)).willReturn(Optional.of(scan(78, id + 1000)));
		this.mvc.perform(get(scansOf(id) + "/77")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(77));
		this.mvc.perform(get(scansOf(id) + "/78"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Endpoint " + id + " has no scan 78."));
	}

	@Test
	void latestIsTheLatestScanOr404() throws Exception {
		long id = this.endpoint.id();
		given(this.scans.latest(id)).willReturn(Optional.of(scan(5, id)));
		this.mvc.perform(get(scansOf(id) + "/latest")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(5));
		given(this.scans.latest(id)).willReturn(Optional.empty());
		this.mvc.perform(get(scansOf(id) + "/latest"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/scan-not-found"))
			.andExpect(jsonPath("$.title").value("Scan not found"))
			.andExpect(jsonPath("$.detail").value("Endpoint " + id + " has not been scanned yet."))
			.andExpect(jsonPath("$.instance").value(scansOf(id) + "/latest"));
	}

	@Test
	void everyScanRouteIs404ForAnUnknownEndpoint() throws Exception {
		String unknown = scansOf(Long.MAX_VALUE);
		for (var request : List.of(post(unknown), get(unknown), get(unknown + "/latest"))) {
			this.mvc.perform(request)
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/endpoint-not-found"));
		}
		// Only the routes' own calls, about the unknown endpoint: the metrics snapshot
		// reads the latest scans of the known endpoints on its own schedule
		then(this.scans).should(never()).scanNow(anyLong());
		then(this.scans).should(never()).history(anyLong(), any());
		then(this.scans).should(never()).latest(Long.MAX_VALUE);
	}

	@Test
	void certificateHasItsPem() throws Exception {
		given(this.scans.certificate(SHA256)).willReturn(Optional.of(certificate()));
		this.mvc.perform(get("/api/v1/certificates/" + SHA256.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sha256").value(SHA256))
			.andExpect(jsonPath("$.serialNumber").value("0A1B"))
			.andExpect(jsonPath("$.subjectAltNames").value(contains("DNS:mail.example.com")))
			.andExpect(jsonPath("$.pem").value(PEM));
	}

	@Test
	void certificateAsPemFile() throws Exception {
		given(this.scans.certificate(SHA256)).willReturn(Optional.of(certificate()));
		String body = this.mvc.perform(get("/api/v1/certificates/" + SHA256 + ".pem"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/x-pem-file"))
			.andExpect(header().string("Content-Disposition", "inline; filename=\"" + SHA256 + ".pem\""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).isEqualTo(PEM);
	}

	@Test
	void unknownOrMalformedCertificatesAreProblems() throws Exception {
		given(this.scans.certificate(any())).willReturn(Optional.empty());
		for (String path : List.of("/api/v1/certificates/" + SHA256, "/api/v1/certificates/" + SHA256 + ".pem")) {
			this.mvc.perform(get(path))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/certificate-not-found"));
		}
		this.mvc.perform(get("/api/v1/certificates/not-a-fingerprint"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("sha256"))
			.andExpect(jsonPath("$.errors[0].message").value("must be 64 hexadecimal digits"));
	}

	@Test
	void apiDocsDescribeScansAndCertificates() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints/{id}/scans'].post.summary").value("Scan an endpoint now"))
			.andExpect(jsonPath("$.paths['/api/v1/endpoints/{id}/scans'].post.responses['404']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/endpoints/{id}/scans/latest'].get.responses['404']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/certificates/{sha256}.pem'].get.responses['200'].content")
				.value(hasKey("application/x-pem-file")));
	}

	private static String scansOf(long endpointId) {
		return "/api/v1/endpoints/" + endpointId + "/scans";
	}

	private static ScanDetails scan(long id, long endpointId) {
		AddressResult reached = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 12, 34, TrustStatus.TRUSTED, null, true, List.of(certificate()),
				ChainReportDetails.NONE,
				List.of(new VersionSupport(TlsVersion.SSL_3_0, VersionVerdict.REJECTED,
						"Alert: fatal protocol_version (70)"),
						new VersionSupport(TlsVersion.TLS_1_0, VersionVerdict.TIMEOUT,
								"No answer within the handshake timeout"),
						new VersionSupport(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED,
								"TLS_AES_128_GCM_SHA256, x25519")),
				new GradeDetails(GradeLetter.B, GradeLetter.B, 87.5,
						List.of(new GradeReason("TLS10_ACCEPTED", "TLS 1.0 accepted", GradeLetter.B))),
				6,
				new CipherSupport(
						List.of(new CipherSupport.VersionSuites(TlsVersion.TLS_1_3, ServerOrder.SERVER,
								List.of(new CipherSupport.Suite("TLS_AES_128_GCM_SHA256", CipherStrength.STRONG)), true,
								false)),
						List.of(new CipherSupport.Group("X25519MLKEM768", true)),
						new CipherSupport.Features(List.of("h2"), true, null, false)));
		AddressResult timedOut = new AddressResult("2001:db8::1", HandshakeOutcome.TIMEOUT, "connect timed out", null,
				null, null, null, TrustStatus.UNKNOWN, null, null, List.of());
		return new ScanDetails(id, endpointId, ScanTrigger.MANUAL, Instant.parse("2026-11-27T10:00:00Z"),
				Instant.parse("2026-11-27T10:00:02Z"), HandshakeOutcome.OK, null, List.of(reached, timedOut));
	}

	private static ScanDetails everyField(long id, long endpointId) {
		AddressResult reached = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.2",
				"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 12, 34, TrustStatus.EXPIRED, "certificate expired", false,
				List.of(certificate()),
				new ChainReportDetails(List.of(new ChainIssue(ChainIssue.Type.WRONG_ORDER, 1, "Sent out of order")), 2,
						true),
				List.of(new VersionSupport(TlsVersion.SSL_2_0, VersionVerdict.ACCEPTED, "2 cipher kinds"),
						new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.ERROR, null)),
				new GradeDetails(GradeLetter.T, GradeLetter.A_MINUS, 81.3,
						List.of(new GradeReason("CERTIFICATE_EXPIRED", "Certificate expired", GradeLetter.T),
								new GradeReason("NOT_TESTED_SUITES", "Suites not tested", GradeLetter.A_PLUS))),
				9,
				new CipherSupport(List.of(
						new CipherSupport.VersionSuites(TlsVersion.TLS_1_2, ServerOrder.CLIENT,
								List.of(new CipherSupport.Suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA", CipherStrength.WEAK)),
								false, null),
						new CipherSupport.VersionSuites(TlsVersion.SSL_2_0, ServerOrder.UNKNOWN,
								List.of(new CipherSupport.Suite("SSL_CK_RC4_128_WITH_MD5", CipherStrength.INSECURE)),
								true)),
						List.of(new CipherSupport.Group("secp256r1", false)),
						new CipherSupport.Features(null, false, true, null)),
				false, HstsDetails.observed(Hsts.Verdict.ENABLED, 31_536_000L, true, false,
						"max-age=31536000; includeSubDomains", "HTTP 200"));
		AddressResult denied = new AddressResult("10.0.0.1", HandshakeOutcome.DENIED, "Private address", null, null,
				null, null, TrustStatus.UNKNOWN, null, null, List.of(), ChainReportDetails.NONE, List.of(), null, 0,
				null, null, HstsDetails.none(Observed.Status.NOT_APPLICABLE, "Port 25 is not an HTTPS port"));
		return new ScanDetails(id, endpointId, ScanTrigger.SCHEDULED, Instant.parse("2026-11-27T10:00:00Z"),
				Instant.parse("2026-11-27T10:00:02Z"), HandshakeOutcome.OK, null, List.of(reached, denied));
	}

	/** The JSON of {@link #everyField}, as the API wrote it before the model changed. */
	private static String everyFieldJson(long endpointId) {
		return """
				{"id":41,"endpointId":%d,"trigger":"SCHEDULED","startedAt":"2026-11-27T10:00:00Z",
				 "finishedAt":"2026-11-27T10:00:02Z","outcome":"OK","error":null,
				 "results":[
				  {"address":"192.0.2.1","outcome":"OK","error":null,"protocol":"TLSv1.2",
				   "cipherSuite":"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256","connectMillis":12,"handshakeMillis":34,
				   "trust":"EXPIRED","trustError":"certificate expired","hostnameMatches":false,
				   "chain":[{"sha256":"%s","subject":"CN=mail.example.com","issuer":"CN=Example CA",
				     "notBefore":"2026-01-01T00:00:00Z","notAfter":"2026-12-07T00:00:00Z",
				     "subjectAltNames":["DNS:mail.example.com"],"keyAlgorithm":"EC","keySize":256,
				     "signatureAlgorithm":"SHA256withECDSA","selfSigned":false}],
				   "chainIssues":[{"type":"WRONG_ORDER","position":1,"detail":"Sent out of order"}],
				   "leafSctCount":2,"leafMustStaple":true,
				   "versions":[
				    {"version":"SSL_2_0","name":"SSL 2.0","outcome":"ACCEPTED","deprecated":true,"detail":"2 cipher kinds"},
				    {"version":"TLS_1_2","name":"TLS 1.2","outcome":"ERROR","deprecated":false,"detail":null}],
				   "grade":{"letter":"T","ignoringTrust":"A-","score":81.3,"reasons":[
				    {"code":"CERTIFICATE_EXPIRED","text":"Certificate expired","cap":"T"},
				    {"code":"NOT_TESTED_SUITES","text":"Suites not tested","cap":"A+"}]},
				   "connections":9,
				   "cipherSupport":{"suites":[
				     {"version":"TLS_1_2","order":"CLIENT","accepted":[{"name":"TLS_RSA_WITH_3DES_EDE_CBC_SHA","strength":"WEAK"}],
				      "complete":false,"chachaPreference":null},
				     {"version":"SSL_2_0","order":"UNKNOWN","accepted":[{"name":"SSL_CK_RC4_128_WITH_MD5","strength":"INSECURE"}],
				      "complete":true,"chachaPreference":null}],
				    "groups":[{"name":"secp256r1","postQuantum":false}],
				    "features":{"alpn":null,"secureRenegotiation":false,"fallbackScsv":true,"compression":null}},
				   "ocspStapled":false,
				   "hsts":{"state":"ENABLED","maxAge":31536000,"includeSubDomains":true,"preload":false,
				    "header":"max-age=31536000; includeSubDomains","detail":"HTTP 200"},
				   "clientCertificateRequested":null,"clientCertificateAuthorities":[],
				   "vulnerabilities":[],"fingerprint":null,"fullProbeAt":null,"rateLimit":null,
				   "revocation":{"status":"NOT_CHECKED","source":null,"reason":null,"revokedAt":null,
				    "detail":"Revocation was not checked in this scan"},
				   "chainRevocation":[{"status":"NOT_CHECKED","source":null,"reason":null,"revokedAt":null,
				    "detail":"Revocation was not checked in this scan"}]},
				  {"address":"10.0.0.1","outcome":"DENIED","error":"Private address","protocol":null,"cipherSuite":null,
				   "connectMillis":null,"handshakeMillis":null,"trust":"UNKNOWN","trustError":null,"hostnameMatches":null,
				   "chain":[],"chainIssues":[],"leafSctCount":null,"leafMustStaple":null,"versions":[],"grade":null,
				   "connections":0,"cipherSupport":null,"ocspStapled":null,
				   "hsts":{"state":"NOT_APPLICABLE","maxAge":null,"includeSubDomains":false,"preload":false,"header":null,
				    "detail":"Port 25 is not an HTTPS port"},
				   "clientCertificateRequested":null,"clientCertificateAuthorities":[],
				   "vulnerabilities":[],"fingerprint":null,"fullProbeAt":null,"rateLimit":null,
				   "revocation":{"status":"NOT_CHECKED","source":null,"reason":null,"revokedAt":null,
				    "detail":"Revocation checking is switched off"},
				   "chainRevocation":[]}],
				 "findings":[],"kind":"FULL","fullProbeAt":"2026-11-27T10:00:00Z"}
				"""
			.formatted(endpointId, SHA256);
	}

	private static CertificateInfo certificate() {
		return new CertificateInfo(SHA256, "CN=mail.example.com", "CN=Example CA", "0A1B",
				List.of("DNS:mail.example.com"), Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-12-07T00:00:00Z"), "EC", 256, "SHA256withECDSA", false, PEM);
	}

}
