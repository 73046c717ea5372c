package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.ScanCompleted;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan's events are kept in the event publication registry as references to the rows
 * stored with them, and a resubmitted publication reads the same event back from those
 * rows.
 */
@IntegrationTest
class StoredEventsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final TestCertificates.Issued ISSUED = TestCertificates.leaf("events.tlswatch.test")
		.dnsNames("localhost")
		.issuedBy(TestTrustBundle.ca());

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private EventSerializer serializer;

	@Autowired
	private ExpiryPolicies policies;

	@Autowired
	private JsonMapper mapper;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void scanEventsAreStoredAsTheirIdsAndReadBackFromTheStoredScanAndFindings() {
		ScanDetails scan = scanOfNewEndpoint();
		Eventually.await(WAIT, "scan judged",
				() -> Long.valueOf(scan.id()).equals(this.findings.verdict(scan.endpointId()).scanId()));
		ScanDetails stored = this.scans.find(scan.id()).orElseThrow();
		String reference = "{\"endpointId\":" + scan.endpointId() + ",\"scanId\":" + scan.id() + "}";

		Object completed = this.serializer.serialize(new ScanCompleted(scan));
		assertThat(completed).hasToString(reference);
		assertThat(this.serializer.deserialize(completed, ScanCompleted.class).scan()).isEqualTo(stored);

		// The verdict as the judge made it: the stored rows do not keep all of it (the
		// certificate a finding is about, for one).
		List<FindingDetails> judged = FindingRules.judge(stored, this.policies.forEndpoint(scan.endpointId()),
				Instant.now());
		assertThat(judged).isNotEmpty();
		EndpointStatus status = FindingRules.status(stored, judged);
		Object verdict = this.serializer.serialize(new ScanJudged(scan, judged, status));
		assertThat(verdict.toString()).startsWith(reference.substring(0, reference.length() - 1) + ",\"findings\":[")
			.doesNotContain("\"results\"");
		ScanJudged read = this.serializer.deserialize(verdict, ScanJudged.class);
		assertThat(read.scan()).isEqualTo(stored);
		assertThat(read.findings()).isEqualTo(judged);
		assertThat(read.status()).isEqualTo(status);
	}

	@Test
	void aStoredEventWhoseScanIsGoneReadsAsGoneAndIsSkipped() {
		ScanCompleted completed = this.serializer.deserialize("{\"endpointId\":7,\"scanId\":987654321}",
				ScanCompleted.class);
		assertThat(completed.scan().gone()).isTrue();
		assertThat(completed.scan().id()).isEqualTo(987654321L);
		assertThat(completed.scan().endpointId()).isEqualTo(7L);
		ScanJudged judged = this.serializer
			.deserialize("{\"endpointId\":7,\"scanId\":987654321,\"findings\":[],\"status\":\"OK\"}", ScanJudged.class);
		assertThat(judged.scan().gone()).isTrue();

		// Handed to the judge as a resubmitted publication is: its publication completes,
		// nothing is stored for the scan.
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(completed));
		Eventually.await(WAIT, "the publication of the gone scan completed", () -> this.jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?",
				Long.class, "%\"scanId\":987654321%") == 0);
		assertThat(this.jdbc.queryForObject("select count(*) from finding_scan_judged where scan_id = 987654321",
				Long.class))
			.isZero();
	}

	@Test
	void eventsStoredWholeBeforeTheyWereKeptByReferenceAreStillRead() {
		ScanDetails scan = scanOfNewEndpoint();
		ScanDetails stored = this.scans.find(scan.id()).orElseThrow();
		String whole = this.mapper.writeValueAsString(Map.of("scan", stored));

		assertThat(this.serializer.deserialize(whole, ScanCompleted.class).scan()).isEqualTo(stored);
		String verdict = this.mapper
			.writeValueAsString(Map.of("scan", stored, "findings", List.of(), "status", EndpointStatus.OK));
		assertThat(this.serializer.deserialize(verdict, ScanJudged.class).scan()).isEqualTo(stored);
	}

	/** A scan of a newly registered endpoint against a local TLS server. */
	private ScanDetails scanOfNewEndpoint() {
		try (TestTlsServer server = TestTlsServer.start(ISSUED)) {
			EndpointDetails endpoint = this.endpoints
				.register(new EndpointDraft("127.0.0.1", server.port(), TlsMode.IMPLICIT, "localhost", 60,
						List.of("events-" + UUID.randomUUID().toString().substring(0, 8)), false));
			return this.scans.scanNow(endpoint.id());
		}
	}

}
