package dev.tlswatch.scan;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestResolver;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer.ServerHandshake;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scans against real TLS servers on 127.0.0.1 with generated certificates, through the
 * whole application: registry, probe, storage, findings.
 */
@IntegrationTest
class ScanIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	void storesEverythingAValidServerShows() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols("TLSv1.2")
			.start()) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");

			ScanDetails scan = this.scans.scanNow(endpoint.id());
			ServerHandshake seen = server.awaitHandshake();

			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.trigger()).isEqualTo(ScanTrigger.MANUAL);
			assertThat(scan.results()).singleElement().satisfies((result) -> {
				assertThat(result.address()).isEqualTo("127.0.0.1");
				assertThat(result.protocol()).isEqualTo("TLSv1.2");
				assertThat(result.cipherSuite()).isEqualTo(seen.cipherSuite());
				assertThat(result.handshakeMillis()).isNotNull();
				assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED);
				assertThat(result.hostnameMatches()).isTrue();
				assertThat(result.chain()).hasSize(1);
				CertificateInfo stored = result.chain().get(0);
				assertThat(stored.sha256()).isEqualTo(sha256(leaf.certificate().getEncoded()));
				assertThat(stored.notAfter()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
				assertThat(stored.notBefore()).isEqualTo(leaf.certificate().getNotBefore().toInstant());
				assertThat(stored.subject()).isEqualTo("CN=localhost");
				assertThat(stored.issuer()).isEqualTo("CN=TLSWatch Test Root");
				assertThat(stored.subjectAltNames()).containsExactly("DNS:localhost", "IP:127.0.0.1",
						"IP:0:0:0:0:0:0:0:1");
				assertThat(stored.keyAlgorithm()).isEqualTo("RSA");
				assertThat(stored.keySize()).isEqualTo(2048);
				assertThat(stored.serialNumber())
					.isEqualTo(leaf.certificate().getSerialNumber().toString(16).toUpperCase());
				assertThat(stored.pem()).startsWith("-----BEGIN CERTIFICATE-----");
			});
			assertThat(scan.results().get(0).versions()).extracting(VersionSupport::version, VersionSupport::verdict)
				.containsExactly(tuple(TlsVersion.SSL_2_0, VersionVerdict.REJECTED),
						tuple(TlsVersion.SSL_3_0, VersionVerdict.REJECTED),
						tuple(TlsVersion.TLS_1_0, VersionVerdict.REJECTED),
						tuple(TlsVersion.TLS_1_1, VersionVerdict.REJECTED),
						tuple(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED),
						tuple(TlsVersion.TLS_1_3, VersionVerdict.REJECTED));
			assertThat(scan.results().get(0).versions().get(4).detail()).startsWith("TLS_ECDHE_RSA_WITH_AES_");
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			// Every vulnerability verdict is stored (jsonb) and read back; JSSE's CBC
			// suites are LUCKY13, an informational finding
			assertThat(scan.results().get(0).vulnerabilityDetails()).extracting(VulnerabilityDetails::id)
				.containsExactly("HEARTBLEED", "CCS_INJECTION", "TICKETBLEED", "ROBOT", "POODLE",
						"CLIENT_RENEGOTIATION", "SWEET32", "FREAK", "LOGJAM", "DROWN", "BEAST", "LUCKY13");
			ScanDetails reread = this.scans.latest(endpoint.id()).orElseThrow();
			assertThat(reread.results().get(0).vulnerabilities()).isEqualTo(scan.results().get(0).vulnerabilities());
			assertThat(reread.results().get(0).vulnerabilityDetails())
				.filteredOn((verdict) -> verdict.id().equals("HEARTBLEED"))
				.extracting(VulnerabilityDetails::status, VulnerabilityDetails::detail)
				// decided by the TLS 1.2 sweep's ServerHello, without a connection of its
				// own
				.containsExactly(tuple("NOT_VULNERABLE",
						"No heartbeat extension in the ServerHello that answered the TLS 1.2 sweep, which offered it"));
			assertThat(this.jdbc.queryForObject(
					"select jsonb_array_length(vulnerabilities) from scan_result where scan_id = ?", Integer.class,
					scan.id()))
				.isEqualTo(12);
			assertThat(this.findings.forScan(scan.id())).extracting(FindingDetails::code)
				.containsExactly("CHAIN_TRUSTED", "PROTOCOLS", "REVOCATION_UNKNOWN", "VULNERABILITY_LUCKY13");
			this.mvc.perform(get("/api/v1/endpoints/" + endpoint.id() + "/scans/latest"))
				.andExpect(jsonPath("$.results[0].vulnerabilities[0].id").value("HEARTBLEED"))
				.andExpect(jsonPath("$.results[0].vulnerabilities[0].status").value("NOT_VULNERABLE"))
				.andExpect(jsonPath("$.results[0].vulnerabilities[11].id").value("LUCKY13"))
				.andExpect(jsonPath("$.results[0].vulnerabilities[11].status").value("VULNERABLE"));
			assertThat(this.findings.statusOf(List.of(endpoint.id()))).containsEntry(endpoint.id(), EndpointStatus.OK);
			assertThat(this.scans.latest(endpoint.id())).contains(scan);
			assertThat(this.scans.find(scan.id())).contains(scan);
			CipherSupport support = this.scans.latest(endpoint.id()).orElseThrow().results().get(0).cipherSupport();
			assertThat(support).isNotNull();
			assertThat(support.suites()).extracting(CipherSupport.VersionSuites::version)
				.containsExactly(TlsVersion.TLS_1_2);
			assertThat(support.suites().get(0).accepted()).extracting(CipherSupport.Suite::name)
				.contains(seen.cipherSuite());
			assertThat(support.groups()).extracting(CipherSupport.Group::name).contains("x25519");
			assertThat(support.features()).isNotNull();
			assertThat(support.features().secureRenegotiation()).isTrue();
			assertThat(support.features().compression()).isFalse();
			assertThat(this.jdbc.queryForObject("""
					select count(*) from scan_result_version v join scan_result r on r.id = v.scan_result_id
					where r.scan_id = ?""", Integer.class, scan.id())).as("SSL 2.0 and the five probed versions")
				.isEqualTo(6);
		}
	}

	@Test
	void storesEachCertificateOnceAndKeepsHistoryNewestFirst() {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");

			ScanDetails first = this.scans.scanNow(endpoint.id());
			ScanDetails second = this.scans.scanNow(endpoint.id());

			String sha = first.results().get(0).leaf().sha256();
			assertThat(
					this.jdbc.queryForObject("select count(*) from certificate where sha256 = ?", Integer.class, sha))
				.isEqualTo(1);
			assertThat(this.scans.history(endpoint.id(), PageRequest.of(0, 10))).containsExactly(second, first);
			assertThat(second.results().get(0).acceptedVersions()).containsExactly(TlsVersion.TLS_1_2,
					TlsVersion.TLS_1_3);
			Map<Long, LatestScanSummary> latest = this.scans.latestSummaries(List.of(endpoint.id()));
			assertThat(latest.get(endpoint.id()).scanId()).isEqualTo(second.id());
			assertThat(latest.get(endpoint.id()).leafNotAfter())
				.isEqualTo(leaf.certificate().getNotAfter().toInstant());
			assertThat(this.scans.certificate(sha)).isPresent();
		}
	}

	@Test
	void timelineReadsStoredScansAndShowsAnOutage() {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		EndpointDetails endpoint;
		ScanDetails up;
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			endpoint = register("127.0.0.1", server.port(), "localhost");
			up = this.scans.scanNow(endpoint.id());
		}
		ScanDetails down = this.scans.scanNow(endpoint.id());

		ScanTimeline timeline = this.scans.timeline(endpoint.id(), Scans.MAX_TIMELINE_SCANS);

		assertThat(timeline.changes()).singleElement().satisfies((change) -> {
			assertThat(change.scanId()).isEqualTo(down.id());
			assertThat(change.kind()).isEqualTo(ScanTimeline.Kind.OUTAGE_STARTED);
			assertThat(change.after()).isEqualTo(down.outcome().name());
		});
		assertThat(timeline.points()).extracting(ScanTimeline.Point::scanId).containsExactly(up.id(), down.id());
		assertThat(timeline.points().get(0).handshakeMillis()).isNotNull();
		assertThat(timeline.points().get(0).daysLeft()).isEqualTo(Math.floorDiv(
				leaf.certificate().getNotAfter().toInstant().getEpochSecond() - up.finishedAt().getEpochSecond(),
				86_400L));
		assertThat(timeline.points().get(1).handshakeMillis()).isNull();
	}

	@Test
	void expiredCertificateIsRecordedWithItsExpiry() {
		Instant notAfter = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		Issued leaf = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.validity(notAfter.minus(Duration.ofDays(90)), notAfter)
			.issuedBy(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			AddressResult result = scan.results().get(0);
			assertThat(result.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(result.trust()).isEqualTo(TrustStatus.EXPIRED);
			assertThat(result.leaf().notAfter()).isEqualTo(notAfter);
			assertThat(codes(scan)).contains("CERT_EXPIRED");
			assertThat(result.grade().letter()).isEqualTo(GradeLetter.T);
			assertThat(this.scans.latest(endpoint.id()).orElseThrow().results().get(0).grade())
				.isEqualTo(result.grade());
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(this.findings.statusOf(List.of(endpoint.id()))).containsEntry(endpoint.id(),
					EndpointStatus.CRITICAL);
		}
	}

	@Test
	void selfSignedCertificateIsUntrustedButRecorded() {
		Issued leaf = TestCertificates.leaf("localhost").dnsNames("localhost").selfSigned();
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			AddressResult result = scan.results().get(0);
			assertThat(result.trust()).isEqualTo(TrustStatus.UNTRUSTED);
			assertThat(result.leaf().selfSigned()).isTrue();
			assertThat(result.leaf().notAfter()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
			assertThat(codes(scan)).contains("CHAIN_UNTRUSTED");
		}
	}

	@Test
	void certificateForAnotherNameIsAMismatch() {
		Issued leaf = TestCertificates.leaf("other.example").dnsNames("other.example").issuedBy(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			assertThat(scan.results().get(0).hostnameMatches()).isFalse();
			assertThat(scan.results().get(0).trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(codes(scan)).contains("HOSTNAME_MISMATCH");
			assertThat(scan.results().get(0).grade().letter()).isEqualTo(GradeLetter.M);
		}
	}

	@Test
	void chainProblemsAreStoredAndReadBack() throws Exception {
		Issued intermediate = TestCertificates.intermediateCa("Chain Test Intermediate", TestTrustBundle.ca());
		Issued leaf = TestCertificates.leaf("localhost").dnsNames("localhost").issuedBy(intermediate);
		try (TestTlsServer incomplete = TestTlsServer.presenting(leaf.key(), List.of(leaf.certificate())).start();
				TestTlsServer misordered = TestTlsServer
					.presenting(leaf.key(),
							List.of(leaf.certificate(), TestTrustBundle.ca().certificate(), intermediate.certificate()))
					.start()) {
			EndpointDetails first = register("127.0.0.1", incomplete.port(), "localhost");
			EndpointDetails second = register("127.0.0.1", misordered.port(), "localhost");

			this.scans.scanNow(first.id());
			this.scans.scanNow(second.id());

			AddressResult incompleteResult = this.scans.latest(first.id()).orElseThrow().results().get(0);
			assertThat(incompleteResult.trust()).isEqualTo(TrustStatus.UNTRUSTED);
			assertThat(incompleteResult.chainReport().issues()).singleElement().satisfies((issue) -> {
				assertThat(issue.type()).isEqualTo(ChainIssue.Type.INCOMPLETE);
				assertThat(issue.detail()).contains("CN=Chain Test Intermediate");
			});
			assertThat(incompleteResult.chainReport().sctCount()).isZero();
			assertThat(incompleteResult.chainReport().mustStaple()).isFalse();
			// Stored and read back: no staple, and HSTS not applicable (no HTTPS port, no
			// ALPN)
			assertThat(incompleteResult.ocspStapled()).isFalse();
			assertThat(incompleteResult.hsts().status()).isEqualTo(Observed.Status.NOT_APPLICABLE);
			ScanDetails misorderedScan = this.scans.latest(second.id()).orElseThrow();
			assertThat(misorderedScan.results().get(0).chain()).hasSize(3);
			assertThat(misorderedScan.results().get(0).chainReport().issues()).extracting(ChainIssue::type)
				.containsExactly(ChainIssue.Type.WRONG_ORDER);
			assertThat(codes(misorderedScan)).contains("CHAIN_WRONG_ORDER");
			this.mvc.perform(get("/api/v1/endpoints/" + first.id() + "/scans/latest"))
				.andExpect(jsonPath("$.results[0].chainIssues[0].type").value("INCOMPLETE"))
				.andExpect(jsonPath("$.results[0].leafSctCount").value(0))
				.andExpect(jsonPath("$.results[0].ocspStapled").value(false))
				.andExpect(jsonPath("$.results[0].hsts.state").value("NOT_APPLICABLE"));
		}
	}

	@Test
	void aMissingIntermediateIsFetchedFromItsCaIssuersUrlThroughThePolicy() throws Exception {
		Issued intermediate = TestCertificates.intermediateCa("Fetched Intermediate", TestTrustBundle.ca());
		AtomicInteger requests = new AtomicInteger();
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] body = intermediate.certificate().getEncoded();
		http.createContext("/intermediate.cer", (exchange) -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream output = exchange.getResponseBody()) {
				output.write(body);
			}
		});
		http.start();
		String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/intermediate.cer";
		byte[] access = new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_caIssuers,
				new GeneralName(GeneralName.uniformResourceIdentifier, url)))
			.getEncoded();
		Issued leaf = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.extension("1.3.6.1.5.5.7.1.1", access)
			.issuedBy(intermediate);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), List.of(leaf.certificate())).start()) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");

			this.scans.scanNow(endpoint.id());

			AddressResult result = this.scans.latest(endpoint.id()).orElseThrow().results().get(0);
			assertThat(requests.get()).isPositive();
			// Trusted through the fetched intermediate, and still incomplete as sent
			assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(result.chainReport().issues()).singleElement().satisfies((issue) -> {
				assertThat(issue.type()).isEqualTo(ChainIssue.Type.INCOMPLETE);
				assertThat(issue.detail())
					.endsWith("it is the intermediate CN=Fetched Intermediate, fetched from its caIssuers URL.");
			});
		}
		finally {
			http.stop(0);
		}
	}

	@Test
	void scansEveryAddressOfAName() {
		Issued leaf = TestCertificates.leaf("multi" + TestResolver.SUFFIX)
			.dnsNames("multi" + TestResolver.SUFFIX)
			.issuedBy(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			TestResolver.register("multi" + TestResolver.SUFFIX, "127.0.0.1", "127.0.0.2");
			EndpointDetails endpoint = register("multi" + TestResolver.SUFFIX, server.port(), null);

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.results()).extracting(AddressResult::address).containsExactly("127.0.0.1", "127.0.0.2");
			assertThat(scan.results().get(0).outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.results().get(0).hostnameMatches()).isTrue();
			assertThat(scan.results().get(1).outcome()).isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
			assertThat(scan.results().get(0).versions()).hasSize(6);
			assertThat(scan.results().get(1).versions()).as("a refused address is not probed again").isEmpty();
		}
	}

	@Test
	void recordsUnreachableOutcomes() {
		int closed = TestTcpServer.refusedPort();
		EndpointDetails refused = register("127.0.0.1", closed, "refused.example");
		EndpointDetails unresolved = register("nowhere" + TestResolver.SUFFIX, 443, null);

		ScanDetails refusedScan = this.scans.scanNow(refused.id());
		ScanDetails unresolvedScan = this.scans.scanNow(unresolved.id());

		assertThat(refusedScan.outcome()).isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
		assertThat(refusedScan.results().get(0).grade()).isNull();
		assertThat(refusedScan.results().get(0).connections()).isEqualTo(1);
		assertThat(refusedScan.error()).startsWith("127.0.0.1: ");
		assertThat(unresolvedScan.outcome()).isEqualTo(HandshakeOutcome.DNS_FAILURE);
		assertThat(unresolvedScan.results()).singleElement()
			.satisfies((result) -> assertThat(result.address()).isNull());
		assertThat(this.findings.awaitJudged(refusedScan.id(), java.time.Duration.ofSeconds(30))).isTrue();
		assertThat(this.findings.awaitJudged(unresolvedScan.id(), java.time.Duration.ofSeconds(30))).isTrue();
		assertThat(this.findings.statusOf(List.of(refused.id(), unresolved.id())))
			.containsEntry(refused.id(), EndpointStatus.UNREACHABLE)
			.containsEntry(unresolved.id(), EndpointStatus.UNREACHABLE);
	}

	@Test
	void hangingServerCostsNoMoreThanItsTimeout() {
		try (TestTcpServer hanging = TestTcpServer.hanging(); TestTcpServer garbage = TestTcpServer.garbage()) {
			EndpointDetails slow = register("127.0.0.1", hanging.port(), "hanging.example");
			EndpointDetails broken = register("127.0.0.1", garbage.port(), "garbage.example");

			ScanDetails slowScan = this.scans.scanNow(slow.id());
			ScanDetails brokenScan = this.scans.scanNow(broken.id());

			assertThat(slowScan.outcome()).isEqualTo(HandshakeOutcome.TIMEOUT);
			assertThat(slowScan.results().get(0).versions()).isEmpty();
			assertThat(hanging.acceptedConnections()).isEqualTo(1);
			assertThat(brokenScan.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(brokenScan.error()).isNotBlank();
			assertThat(brokenScan.results().get(0).versions()).extracting(VersionSupport::verdict)
				.containsOnly(VersionVerdict.ERROR);
			assertThat(codes(brokenScan)).doesNotContain("WEAK_PROTOCOL");
			assertThat(garbage.acceptedConnections()).as("handshake, five versions, SSL 2.0").isEqualTo(7);
		}
	}

	@Test
	void restApiRegistersScansAndShowsTheStoredScan() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			String body = """
					{"host":"127.0.0.1","port":%d,"tlsMode":"IMPLICIT","sniName":"localhost","scanIntervalMinutes":60,"tags":["api"],"enabled":false}
					"""
				.formatted(server.port());
			String location = this.mvc
				.perform(post("/api/v1/endpoints").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getHeader("Location");

			String scanLocation = this.mvc.perform(post(location + "/scans"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.outcome").value("OK"))
				.andExpect(jsonPath("$.results[0].address").value("127.0.0.1"))
				.andExpect(jsonPath("$.results[0].trust").value("TRUSTED"))
				.andExpect(jsonPath("$.results[0].chain[0].sha256").value(sha256(leaf.certificate().getEncoded())))
				.andExpect(jsonPath("$.findings[0].code").value("CHAIN_TRUSTED"))
				.andReturn()
				.getResponse()
				.getHeader("Location");

			this.mvc.perform(get(scanLocation)).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("OK"));
			this.mvc.perform(get(location + "/scans/latest"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.results[0].protocol").value("TLSv1.3"))
				.andExpect(jsonPath("$.results[0].versions[0].version").value("SSL_2_0"))
				.andExpect(jsonPath("$.results[0].versions[0].outcome").value("REJECTED"))
				.andExpect(jsonPath("$.results[0].versions[5].version").value("TLS_1_3"))
				.andExpect(jsonPath("$.results[0].versions[5].outcome").value("ACCEPTED"));
			this.mvc.perform(get("/api/v1/certificates/" + sha256(leaf.certificate().getEncoded()) + ".pem"))
				.andExpect(status().isOk())
				.andExpect(content().string(startsWith("-----BEGIN CERTIFICATE-----")));
		}
	}

	private List<String> codes(ScanDetails scan) {
		assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
		return this.findings.forScan(scan.id()).stream().map(FindingDetails::code).toList();
	}

	private EndpointDetails register(String host, int port, @Nullable String sniName) {
		// Scheduled scans are switched off here: these tests scan on demand only.
		return this.endpoints.register(new EndpointDraft(host, port, TlsMode.IMPLICIT, sniName, 60, List.of(), false));
	}

	private static String sha256(byte[] der) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
	}

}
