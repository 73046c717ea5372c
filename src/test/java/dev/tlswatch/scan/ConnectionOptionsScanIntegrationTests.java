package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestPem;
import dev.tlswatch.support.TestTlsServer.ServerHandshake;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scans with per-endpoint connection options against real TLS servers on 127.0.0.1:
 * mutual TLS, a fixed connect address, and an endpoint's own trust bundle.
 */
@IntegrationTest
class ConnectionOptionsScanIntegrationTests {

	private static final Issued CLIENT_ROOT = TestCertificates.rootCa("Scan mTLS Client Root");

	private static final Issued CLIENT = TestCertificates.leaf("scan client").clientAuthOnly().issuedBy(CLIENT_ROOT);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private MockMvc mvc;

	@Test
	void mtlsServerWithoutAClientCertificateIsAFailureThatSaysSoWithTheChainRecorded() {
		try (TestTlsServer server = mtlsServer()) {
			EndpointDetails endpoint = register(draft("127.0.0.1", server.port(), "localhost", null, null, null, null));

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
			assertThat(scan.results()).singleElement().satisfies((result) -> {
				assertThat(result.outcome()).isEqualTo(HandshakeOutcome.TLS_FAILURE);
				assertThat(result.error())
					.startsWith("The server requires a client certificate and none is configured");
				assertThat(result.chain()).extracting(CertificateInfo::subject).containsExactly("CN=localhost");
				assertThat(result.chain().get(0).notAfter()).isNotNull();
				assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED);
				assertThat(result.clientCertificateRequested()).isTrue();
			});
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			// Not a broken handshake: the server requires what the endpoint lacks
			assertThat(this.findings.forScan(scan.id())).extracting(FindingDetails::kind)
				.doesNotContain(FindingKind.TLS_HANDSHAKE_FAILED);
			assertThat(this.findings.forScan(scan.id()))
				.filteredOn((finding) -> finding.kind() == FindingKind.CLIENT_CERTIFICATE_REQUIRED)
				.singleElement()
				.extracting(FindingDetails::message)
				.asString()
				.startsWith("Client certificate required: ")
				.contains("requires a client certificate and none is configured");
		}
	}

	@Test
	void mtlsServerWithTheEndpointsClientCertificateScansOkWithTheChainRecorded() {
		try (TestTlsServer server = mtlsServer()) {
			EndpointDetails endpoint = register(draft("127.0.0.1", server.port(), "localhost", null, null,
					TestPem.certificates(CLIENT.chainWithoutRoot()), TestPem.pkcs8(CLIENT.key())));

			ScanDetails scan = this.scans.scanNow(endpoint.id());
			ServerHandshake seen = server.awaitHandshake();

			assertThat(seen.completed()).isTrue();
			assertThat(seen.clientSubject()).isEqualTo("CN=scan client");
			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.results()).singleElement().satisfies((result) -> {
				assertThat(result.protocol()).isEqualTo("TLSv1.3");
				assertThat(result.chain()).extracting(CertificateInfo::subject).containsExactly("CN=localhost");
				assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED);
				assertThat(result.hostnameMatches()).isTrue();
				assertThat(result.versions()).filteredOn((version) -> version.verdict() == VersionVerdict.ACCEPTED)
					.extracting(VersionSupport::version)
					.contains(TlsVersion.TLS_1_3);
			});
		}
	}

	@Test
	void connectAddressIsScannedWithoutResolvingTheNameWhichIsStillSentAsSni() {
		String name = "nowhere-resolvable.tlswatch.test";
		Issued leaf = TestCertificates.leaf(name).dnsNames(name).issuedBy(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(draft(name, server.port(), null, "127.0.0.1", null, null, null));

			ScanDetails scan = this.scans.scanNow(endpoint.id());
			ServerHandshake seen = server.awaitHandshake();

			assertThat(seen.requestedServerNames()).containsExactly(name);
			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.results()).singleElement().satisfies((result) -> {
				assertThat(result.address()).isEqualTo("127.0.0.1");
				assertThat(result.hostnameMatches()).isTrue();
				assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED);
			});
		}
	}

	@Test
	void anEndpointsTrustBundleTrustsItsPrivateCaWhileAnotherEndpointStaysUntrusted() {
		Issued privateRoot = TestCertificates.rootCa("Endpoint Private Root");
		Issued leaf = TestCertificates.leaf("private")
			.dnsNames("bundle-a.tlswatch.test", "bundle-b.tlswatch.test")
			.issuedBy(privateRoot);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails withBundle = register(draft("127.0.0.1", server.port(), "bundle-a.tlswatch.test", null,
					TestPem.certificates(List.of(privateRoot.certificate())), null, null));
			EndpointDetails without = register(
					draft("127.0.0.1", server.port(), "bundle-b.tlswatch.test", null, null, null, null));

			ScanDetails trusted = this.scans.scanNow(withBundle.id());
			ScanDetails untrusted = this.scans.scanNow(without.id());

			assertThat(trusted.results()).singleElement()
				.satisfies((result) -> assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED));
			assertThat(untrusted.results()).singleElement().satisfies((result) -> {
				assertThat(result.trust()).isEqualTo(TrustStatus.UNTRUSTED);
				assertThat(result.chain()).extracting(CertificateInfo::notAfter)
					.containsExactly(leaf.certificate().getNotAfter().toInstant());
			});
		}
	}

	@Test
	void theEndpointPageShowsTheOptionsEscapedAndNeverTheKey() throws Exception {
		Issued odd = TestCertificates.leaf("Tom & Jerry <client>").clientAuthOnly().issuedBy(CLIENT_ROOT);
		String key = TestPem.pkcs8(odd.key());
		EndpointDetails endpoint = register(draft("page-options.tlswatch.test", 443, null, "192.0.2.44",
				TestPem.certificates(List.of(CLIENT_ROOT.certificate(), TestTrustBundle.ca().certificate())),
				TestPem.certificates(odd.chainWithoutRoot()), key));

		String html = this.mvc.perform(get("/endpoints/" + endpoint.id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("192.0.2.44", "2 certificates", "CN=Scan mTLS Client Root", "Client certificate",
				"CN=Tom &amp; Jerry \\&lt;client\\&gt;");
		assertThat(html).doesNotContain("Tom & Jerry").doesNotContain("<client").doesNotContain("PRIVATE KEY");
		String keyBase64 = key.lines().filter((line) -> !line.startsWith("-----")).findFirst().orElseThrow();
		assertThat(html).doesNotContain(keyBase64);
	}

	private static TestTlsServer mtlsServer() {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		return TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.requireClientAuth(CLIENT_ROOT.certificate())
			.start();
	}

	private EndpointDetails register(EndpointDraft draft) {
		return this.endpoints.register(draft);
	}

	// Scheduled scans are switched off here: these tests scan on demand only.
	private static EndpointDraft draft(String host, int port, @Nullable String sniName, @Nullable String connectAddress,
			@Nullable String trustBundle, @Nullable String clientCertificate, @Nullable String clientKey) {
		return new EndpointDraft(host, port, TlsMode.IMPLICIT, sniName, 60, List.of(), false, connectAddress,
				trustBundle, clientCertificate, clientKey);
	}

}
