package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.StartTlsTestServer;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints whose TLS starts with a STARTTLS dialogue, or whose mode is chosen from the
 * port, scanned through the whole application against scripted servers on 127.0.0.1.
 * {@code AUTO} only resolves to STARTTLS on well-known ports, which tests cannot bind;
 * {@code TlsModeTests} covers that mapping.
 */
@IntegrationTest
class StartTlsScanIntegrationTests {

	private static Issued leaf;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@BeforeAll
	static void createLeaf() {
		leaf = TestCertificates.localhost(TestTrustBundle.ca());
	}

	@Test
	void smtpEndpointIsScannedAfterStartTls() {
		try (StartTlsTestServer server = StartTlsTestServer.smtp(leaf)) {
			EndpointDetails endpoint = register(server.port(), TlsMode.STARTTLS_SMTP);

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			// Every connection of the probe runs the dialogue first, and only once.
			assertThat(server.received()).startsWith("EHLO tlswatch.invalid", "STARTTLS")
				.containsOnly("EHLO tlswatch.invalid", "STARTTLS")
				.hasSize(2 * scan.results().get(0).connections());
			assertThat(server.awaitHandshake().completed()).isTrue();
			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.results()).singleElement().satisfies((result) -> {
				assertThat(result.protocol()).isEqualTo("TLSv1.3");
				assertThat(result.trust()).isEqualTo(TrustStatus.TRUSTED);
				assertThat(result.hostnameMatches()).isTrue();
				assertThat(result.leaf().notAfter()).isEqualTo(leaf.certificate().getNotAfter().toInstant());
			});
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			// JSSE's CBC suites are LUCKY13, an informational finding that keeps the
			// status OK
			assertThat(this.findings.forScan(scan.id())).extracting(FindingDetails::code)
				.containsExactly("CHAIN_TRUSTED", "PROTOCOLS", "REVOCATION_UNKNOWN", "VULNERABILITY_LUCKY13");
			assertThat(this.findings.statusOf(List.of(endpoint.id()))).containsEntry(endpoint.id(), EndpointStatus.OK);
		}
	}

	@Test
	void refusedStartTlsIsACriticalFindingQuotingTheServer() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf, (peer) -> {
			peer.sendLines("220 mail.localhost ESMTP");
			peer.expectLine("EHLO");
			peer.sendLines("250-mail.localhost", "250 STARTTLS");
			peer.expectLine("STARTTLS");
			peer.sendLines("454 4.7.0 TLS not available");
			peer.hang();
		})) {
			EndpointDetails endpoint = register(server.port(), TlsMode.STARTTLS_SMTP);

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			String refusal = "SMTP server refused STARTTLS: \"454 4.7.0 TLS not available\"";
			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
			assertThat(scan.error()).isEqualTo("127.0.0.1: " + refusal);
			assertThat(scan.results()).singleElement().satisfies((result) -> {
				assertThat(result.outcome()).isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
				assertThat(result.error()).isEqualTo(refusal);
				assertThat(result.chain()).isEmpty();
			});
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(this.findings.forScan(scan.id())).singleElement().satisfies((finding) -> {
				assertThat(finding.code()).isEqualTo("STARTTLS_FAILED");
				assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
				assertThat(finding.message()).isEqualTo("STARTTLS with 127.0.0.1 failed: " + refusal);
			});
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(this.findings.statusOf(List.of(endpoint.id()))).containsEntry(endpoint.id(),
					EndpointStatus.CRITICAL);
		}
	}

	@Test
	void autoOnAPortWithoutAWellKnownDialectIsImplicitTls() {
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port(), TlsMode.AUTO);

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			assertThat(server.awaitHandshake().completed()).isTrue();
			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.OK);
			assertThat(scan.results().get(0).trust()).isEqualTo(TrustStatus.TRUSTED);
			assertThat(this.endpoints.get(endpoint.id()).tlsMode()).isEqualTo(TlsMode.AUTO);
		}
	}

	@Test
	void startTlsModeAgainstAnImplicitTlsServerFailsBeforeTls() {
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port(), TlsMode.STARTTLS_POSTGRES);

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			// The TLS server takes the SSLRequest for a broken record: an alert, a close
			// or
			// a reset, never an 'S'
			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
			assertThat(scan.results().get(0).error()).isNotBlank();
		}
	}

	private EndpointDetails register(int port, TlsMode mode) {
		// Scheduled scans are switched off here: these tests scan on demand only.
		return this.endpoints.register(new EndpointDraft("127.0.0.1", port, mode, "localhost", 60, List.of(), false));
	}

}
