package dev.tlswatch.scan;

import java.net.InetAddress;
import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.ScanTargetPolicy;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestResolver;
import dev.tlswatch.support.TestTcpServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scan target policy at scan time, with the default policy: a name that resolves into
 * a denied network is not contacted, and the scan says so.
 */
@IntegrationTest
class ScanTargetPolicyIntegrationTests {

	private static final String METADATA = "169.254.169.254";

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private ScanTargetPolicy policy;

	@Autowired
	private MockMvc mvc;

	@Test
	void aNameResolvingToTheMetadataAddressIsRefusedAtScanTime() throws Exception {
		// Guard: were the policy broken, the scan below would send a packet to this
		// address.
		assertThat(this.policy.checkAddress(InetAddress.getByName(METADATA)).denied()).isTrue();
		TestResolver.registerDenied("metadata-alias" + TestResolver.SUFFIX, METADATA);
		EndpointDetails endpoint = register("metadata-alias" + TestResolver.SUFFIX, 80);

		ScanDetails scan = this.scans.scanNow(endpoint.id());

		assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.DENIED);
		assertThat(scan.error()).isEqualTo(METADATA + ": " + METADATA
				+ " is a cloud metadata service address (tlswatch.scan-policy.allow-cloud-metadata is false)");
		assertThat(scan.results()).singleElement().satisfies((result) -> {
			assertThat(result.address()).isEqualTo(METADATA);
			assertThat(result.outcome()).isEqualTo(HandshakeOutcome.DENIED);
			assertThat(result.connectMillis()).isNull();
			assertThat(result.connections()).isZero();
			assertThat(result.versions()).isEmpty();
		});
		assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
		assertThat(this.findings.forScan(scan.id())).singleElement().satisfies((finding) -> {
			assertThat(finding.code()).isEqualTo("TARGET_DENIED");
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.address()).isEqualTo(METADATA);
			assertThat(finding.message()).startsWith("Not scanned: the scan target policy denies " + METADATA + ".");
		});
		assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
		assertThat(this.findings.statusOf(List.of(endpoint.id()))).containsEntry(endpoint.id(),
				EndpointStatus.CRITICAL);

		this.mvc.perform(get("/api/v1/endpoints/{id}/scans/latest", endpoint.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("DENIED"))
			.andExpect(jsonPath("$.results[0].outcome").value("DENIED"))
			.andExpect(jsonPath("$.findings[0].code").value("TARGET_DENIED"))
			.andExpect(jsonPath("$.findings[0].severity").value("CRITICAL"));
		this.mvc.perform(get("/endpoints/{id}", endpoint.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("TARGET_DENIED")))
			.andExpect(content().string(containsString(">Denied<")))
			.andExpect(content().string(containsString("allow-cloud-metadata is false")));
	}

	@Test
	void onlyTheDeniedAddressesOfANameAreSkipped() throws Exception {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			TestResolver.registerDenied("half-denied" + TestResolver.SUFFIX, "127.0.0.1", "fe80::1");
			EndpointDetails endpoint = register("half-denied" + TestResolver.SUFFIX, server.port());

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			assertThat(scan.results()).extracting(AddressResult::address)
				.containsExactly("fe80:0:0:0:0:0:0:1", "127.0.0.1");
			assertThat(scan.results()).extracting(AddressResult::outcome).first().isEqualTo(HandshakeOutcome.DENIED);
			// The garbage server makes the handshake fail (or, on a loaded machine, time
			// out).
			assertThat(scan.results().get(1).outcome()).isNotEqualTo(HandshakeOutcome.DENIED);
			assertThat(scan.results().get(0).error()).contains("link-local");
			assertThat(server.acceptedConnections()).isPositive();
			assertThat(this.findings.awaitJudged(scan.id(), java.time.Duration.ofSeconds(30))).isTrue();
			assertThat(this.findings.forScan(scan.id())).extracting(FindingDetails::code).contains("TARGET_DENIED");
		}
	}

	@Test
	void aDeniedHostPatternIsRefusedAtRegistration() {
		assertThat(this.policy.check("metadata.google.internal").denied()).isTrue();
		assertThat(catchThrowable(() -> register("metadata.google.internal", 80))).hasMessageContaining("host")
			.hasMessageContaining("metadata.google.internal matches the denied host pattern");
	}

	private EndpointDetails register(String host, int port) {
		// Not scheduled: these tests scan on demand only.
		return this.endpoints.register(new EndpointDraft(host, port, TlsMode.IMPLICIT, null, 60, List.of(), false));
	}

}
