package dev.tlswatch.config;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the application (completed publications deleted), the completions of a scan's
 * listeners go through the batched deletes, and the scan's publications are gone once
 * both listeners finished.
 */
@IntegrationTest
class PublicationCompletionsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final TestCertificates.Issued ISSUED = TestCertificates.leaf("completions.tlswatch.test")
		.dnsNames("localhost")
		.issuedBy(TestTrustBundle.ca());

	@Autowired
	private EventPublicationStatusConfiguration.RegistryRepositoryProcessor processor;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aScansPublicationsAreDeletedInBatchesOnceItsListenersFinished() {
		assertThat(this.processor.isRunning()).isTrue();
		ScanDetails scan;
		try (TestTlsServer server = TestTlsServer.start(ISSUED)) {
			EndpointDetails endpoint = this.endpoints
				.register(new EndpointDraft("127.0.0.1", server.port(), TlsMode.IMPLICIT, "localhost", 60,
						List.of("completions-" + UUID.randomUUID().toString().substring(0, 8)), false));
			scan = this.scans.scanNow(endpoint.id());
		}
		Eventually.await(WAIT, "scan judged",
				() -> Long.valueOf(scan.id()).equals(this.findings.verdict(scan.endpointId()).scanId()));
		Eventually.await(WAIT, "the scan's publications deleted", () -> publications(scan) == 0);
	}

	private long publications(ScanDetails scan) {
		Long count = this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Long.class, "%\"scanId\":" + scan.id() + "%");
		return (count != null) ? count : 0;
	}

}
