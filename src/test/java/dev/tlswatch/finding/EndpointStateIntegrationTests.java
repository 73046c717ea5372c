package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ScanCompleted;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint state the dashboard counts and filters by ({@code finding_status}) follows
 * the judge: it is the state of the latest judged scan after each scan, a scan judged
 * again or late never moves it back, and it goes with the scan or the endpoint it belongs
 * to.
 */
@IntegrationTest
class EndpointStateIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void stateFollowsEachJudgedScanAndNeverMovesBackWhenAnOlderScanIsJudgedAgain() {
		EndpointDetails endpoint;
		ScanDetails up;
		try (TestTlsServer server = TestTlsServer.presenting(issued().key(), issued().chainWithoutRoot())
			.protocols("TLSv1.2", "TLSv1.3")
			.start()) {
			endpoint = register(server.port());
			up = judged(this.scans.scanNow(endpoint.id()));
		}
		assertThat(up.outcome()).isEqualTo(HandshakeOutcome.OK);
		Map<String, Object> first = state(endpoint.id());
		assertThat(first).containsEntry("scan_id", up.id())
			.containsEntry("status", this.findings.verdict(endpoint.id()).status().name())
			.containsEntry("up", true)
			.containsEntry("probed", true)
			.containsEntry("tls12", true)
			.containsEntry("tls13", true)
			.containsEntry("tls10", false)
			.containsEntry("ssl3", false)
			.containsEntry("grade", worstGrade(up));
		assertThat(first.get("grade")).isNotNull();
		assertThat(((Number) Objects.requireNonNull(first.get("grade_rank"))).intValue())
			.isEqualTo(GradeOrder.rank((String) Objects.requireNonNull(first.get("grade"))));

		// Its findings are stored in the judge's order.
		assertThat(stored(this.findings.forScan(up.id())))
			.isEqualTo(stored(ScanJudge.findings(up, this.findings.expiryPolicy(endpoint.id()), Instant.now())));

		// The server is gone: the next scan is judged down, without grade or versions.
		ScanDetails down = judged(this.scans.scanNow(endpoint.id()));
		List<FindingDetails> downFindings = this.findings.forScan(down.id());
		assertThat(downFindings).isNotEmpty();
		assertThat(down.outcome()).isNotEqualTo(HandshakeOutcome.OK);
		assertThat(state(endpoint.id())).containsEntry("scan_id", down.id())
			.containsEntry("up", false)
			.containsEntry("probed", false)
			.containsEntry("tls13", false)
			.containsEntry("grade", null)
			.containsEntry("grade_rank", null);

		// The older scan judged again (at-least-once delivery, or a late node): no
		// change.
		this.jdbc.update("delete from finding_scan_judged where scan_id = ?", up.id());
		publish(up);
		Eventually.await(WAIT, "the older scan judged again", () -> judgedAlready(up.id()));
		// The newer scan delivered again: it is already judged, nothing is stored twice.
		publish(down);
		Eventually.await(WAIT, "the re-delivered publications completed",
				() -> incompletePublications(endpoint.id()) == 0);
		assertThat(state(endpoint.id())).containsEntry("scan_id", down.id()).containsEntry("up", false);
		assertThat(this.findings.forScan(down.id())).isEqualTo(downFindings);
		assertThat(this.jdbc.queryForObject("select count(*) from finding_status where endpoint_id = ?", Long.class,
				endpoint.id()))
			.isOne();
	}

	@Test
	void stateGoesWithItsScanAndItsEndpoint() {
		EndpointDetails endpoint;
		ScanDetails older;
		ScanDetails latest;
		try (TestTlsServer server = TestTlsServer.start(issued())) {
			endpoint = register(server.port());
			older = judged(this.scans.scanNow(endpoint.id()));
			latest = judged(this.scans.scanNow(endpoint.id()));
		}
		assertThat(state(endpoint.id())).containsEntry("scan_id", latest.id()).containsEntry("up", true);

		// Deleting an older scan (retention) leaves the state alone.
		this.jdbc.update("delete from scan where id = ?", older.id());
		assertThat(state(endpoint.id())).containsEntry("scan_id", latest.id());

		// Deleting the judged scan takes its state along: the endpoint is pending again.
		this.jdbc.update("delete from scan where id = ?", latest.id());
		assertThat(this.findings.verdict(endpoint.id()).status()).isEqualTo(EndpointStatus.PENDING);
		assertThat(this.jdbc.queryForObject("select count(*) from finding_status where endpoint_id = ?", Long.class,
				endpoint.id()))
			.isZero();

		// A new scan brings it back; deleting the endpoint takes it along.
		ScanDetails again = judged(this.scans.scanNow(endpoint.id()));
		assertThat(state(endpoint.id())).containsEntry("scan_id", again.id());
		this.endpoints.delete(endpoint.id());
		assertThat(this.jdbc.queryForObject("select count(*) from finding_status where endpoint_id = ?", Long.class,
				endpoint.id()))
			.isZero();
	}

	private ScanDetails judged(ScanDetails scan) {
		Eventually.await(WAIT, "scan " + scan.id() + " judged",
				() -> Long.valueOf(scan.id()).equals(this.findings.verdict(scan.endpointId()).scanId()));
		return scan;
	}

	/** What the store keeps of each finding, in order. */
	private static List<String> stored(List<FindingDetails> findings) {
		return findings.stream()
			.map((finding) -> finding.code() + "|" + finding.severity() + "|" + finding.address() + "|"
					+ finding.message())
			.toList();
	}

	private boolean judgedAlready(long scanId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from finding_scan_judged where scan_id = ?)", Boolean.class, scanId));
	}

	/**
	 * Publications of this endpoint's scans (ScanCompleted, ScanJudged) not yet handled.
	 */
	private long incompletePublications(long endpointId) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and serialized_event like ?",
				Long.class, "%\"endpointId\":" + endpointId + ",%");
		return (count != null) ? count : 0;
	}

	private void publish(ScanDetails scan) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new ScanCompleted(scan)));
	}

	private Map<String, Object> state(long endpointId) {
		return this.jdbc.queryForMap("""
				select scan_id, status, grade, grade_rank, up, probed, ssl3, tls10, tls12, tls13, post_quantum
				from finding_status where endpoint_id = ?
				""", endpointId);
	}

	private static String worstGrade(ScanDetails scan) {
		return scan.results()
			.stream()
			.map(AddressResult::grade)
			.filter(Objects::nonNull)
			.map((grade) -> grade.letter())
			.map(GradeLetter::displayName)
			.max((a, b) -> GradeOrder.rank(a) - GradeOrder.rank(b))
			.orElseThrow();
	}

	private EndpointDetails register(int port) {
		String tag = "state-" + UUID.randomUUID().toString().substring(0, 8);
		return this.endpoints
			.register(new EndpointDraft("127.0.0.1", port, TlsMode.IMPLICIT, "localhost", 60, List.of(tag), false));
	}

	private static TestCertificates.Issued issued() {
		return ISSUED;
	}

	private static final TestCertificates.Issued ISSUED = TestCertificates.leaf("state.tlswatch.test")
		.dnsNames("localhost")
		.issuedBy(TestTrustBundle.ca());

}
