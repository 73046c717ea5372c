package dev.tlswatch.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.probe.ConnectionPacing;
import dev.tlswatch.probe.ConnectionWatch;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.RateLimitingFront;
import dev.tlswatch.support.StatementCounter;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestRevocationServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adaptive scanning through the whole application: a firing runs a quick check, which
 * carries the last full probe's facts forward, and escalates to the full probe when the
 * endpoint is new, its full probe is too old or the server changed; a server that cuts a
 * full probe short is remembered and paced. A quick check checks the revocation of the
 * chain it saw.
 */
@IntegrationTest
class AdaptiveScanIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private ScanService scans;

	@Autowired
	private Findings findings;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ScanRetention retention;

	@MockitoSpyBean
	private ProbePacer pacer;

	@Test
	void aNewEndpointGetsTheFullProbeAndTheNextFiringAQuickCheckThatChangesNothing() {
		// Self-signed: an open alert that a quick scan must neither resolve nor repeat
		Issued leaf = TestCertificates.leaf("localhost").dnsNames("localhost").selfSigned();
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port());

			ScanDetails full = fire(endpoint);
			List<Map<String, Object>> alertsAfterFull = alerts(endpoint);
			EndpointStatus statusAfterFull = this.findings.verdict(endpoint.id()).status();
			ScanDetails quick = fire(endpoint);

			assertThat(full.kind()).isEqualTo(ScanKind.FULL);
			assertThat(quick.kind()).isEqualTo(ScanKind.QUICK);
			assertThat(quick.fullProbeAt()).isEqualTo(full.startedAt());
			AddressResult fullResult = full.results().get(0);
			AddressResult quickResult = quick.results().get(0);
			assertThat(quickResult.connections()).isEqualTo(1);
			assertThat(fullResult.connections()).isGreaterThan(10);
			assertThat(quickResult.fingerprint()).isNotNull().isEqualTo(fullResult.fingerprint());
			assertThat(quickResult.fullProbeAt()).isEqualTo(full.startedAt());
			assertThat(quickResult.versions()).isEqualTo(fullResult.versions());
			assertThat(quickResult.cipherSupport()).isEqualTo(fullResult.cipherSupport());
			assertThat(quickResult.grade()).isNotNull().isEqualTo(fullResult.grade());
			assertThat(quickResult.hsts()).isEqualTo(fullResult.hsts());
			assertThat(quickResult.vulnerabilities()).isNotEmpty().isEqualTo(fullResult.vulnerabilities());
			assertThat(quickResult.chain()).isEqualTo(fullResult.chain());
			assertThat(codes(quick)).isNotEmpty().isEqualTo(codes(full));
			assertThat(this.findings.verdict(endpoint.id()).status()).isEqualTo(statusAfterFull);
			assertThat(alertsAfterFull).isNotEmpty();
			assertThat(alerts(endpoint)).isEqualTo(alertsAfterFull);
			// Read back from the database as stored
			ScanDetails stored = this.scans.find(quick.id()).orElseThrow();
			assertThat(stored.kind()).isEqualTo(ScanKind.QUICK);
			assertThat(stored.results().get(0).grade()).isEqualTo(fullResult.grade());
			assertThat(stored.results().get(0).versions()).isEqualTo(fullResult.versions());
			assertThat(stored.results().get(0).fullProbeAt()).isEqualTo(full.startedAt());
		}
	}

	@Test
	void aQuickChecksRowRefersToTheFullProbesRowAndReadsAsItsCopyDid() throws Exception {
		// Self-signed: a grade with reasons
		Issued leaf = TestCertificates.leaf("localhost").dnsNames("localhost").selfSigned();
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port());
			ScanDetails full = fire(endpoint);
			ScanDetails quick = fire(endpoint);
			assertThat(quick.kind()).isEqualTo(ScanKind.QUICK);
			AddressResult fullResult = full.results().get(0);

			// Stored: the quick check's own facts and a reference, no copies
			Long fullRow = this.jdbc.queryForObject("select id from scan_result where scan_id = ?", Long.class,
					full.id());
			Map<String, Object> row = storedRow(quick.id());
			assertThat(row.get("carried_from")).isEqualTo(fullRow);
			assertThat(row).containsEntry("cipher_support", null)
				.containsEntry("hsts", null)
				.containsEntry("vulnerabilities", null)
				.containsEntry("revocation", null)
				.containsEntry("versions", 0L)
				.containsEntry("reasons", 0L)
				.containsEntry("grade", fullResult.grade().letter().displayName());
			assertThat(row.get("chain")).isEqualTo((long) fullResult.chain().size());
			assertThat(fullResult.versions()).isNotEmpty();
			assertThat(fullResult.grade().reasons()).isNotEmpty();

			// Read: every reader shows what the stored copy showed (what the store
			// announced)
			ScanDetails read = this.scans.find(quick.id()).orElseThrow();
			assertThat(read.results()).isEqualTo(quick.results());
			assertThat(read.results().get(0).versions()).isEqualTo(fullResult.versions());
			assertThat(read.results().get(0).cipherSupport()).isNotNull().isEqualTo(fullResult.cipherSupport());
			assertThat(this.scans.latest(endpoint.id())).contains(read);
			assertThat(this.scans.history(endpoint.id(), PageRequest.of(0, 10)).getContent()).containsExactly(read,
					this.scans.find(full.id()).orElseThrow());
			assertThat(this.scans.lastFull(endpoint.id()).orElseThrow().scan().results().get(0).versions())
				.isEqualTo(fullResult.versions());
			String api = scanJson(endpoint, quick.id());
			// Retention compares the same facts as for a copy: the quick check's row
			// keeps the
			// grade letter, so it fingerprints as the full probe it repeats
			assertThat(this.retention.oldScans(endpoint.id(), Instant.now().plusSeconds(60), 10))
				.extracting(ScanFingerprint::fingerprint)
				.hasSize(2)
				.containsOnly(
						this.retention.oldScans(endpoint.id(), Instant.now().plusSeconds(60), 1).get(0).fingerprint());

			// Retention deletes the full probe: the quick check's row first gets the
			// copies
			// a row stored before V71 holds, and reads the same
			assertThat(this.retention.deleteScans(List.of(full.id()))).isOne();
			Map<String, Object> copied = storedRow(quick.id());
			assertThat(copied.get("carried_from")).isNull();
			assertThat(copied.get("cipher_support")).isNotNull();
			assertThat(copied.get("hsts")).isNotNull();
			assertThat(copied.get("vulnerabilities")).isNotNull();
			assertThat(copied.get("revocation")).isNotNull();
			assertThat(copied).containsEntry("versions", (long) fullResult.versions().size())
				.containsEntry("reasons", (long) fullResult.grade().reasons().size());
			assertThat(this.scans.find(full.id())).isEmpty();
			assertThat(this.scans.find(quick.id())).contains(read);
			assertThat(scanJson(endpoint, quick.id())).isEqualTo(api);
			assertThat(this.scans.history(endpoint.id(), PageRequest.of(0, 10)).getContent()).containsExactly(read);
		}
	}

	@Test
	void aPageOfQuickChecksCostsAsManyStatementsForFiftyScansAsForFive() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port());
			fire(endpoint);
			ScanDetails quick = fire(endpoint);
			assertThat(quick.kind()).isEqualTo(ScanKind.QUICK);
			copies(quick.id(), 3);
			history(endpoint); // once first: what a context does on its first read is
								// not per page
			Map<String, Integer> five = statementsPerPage(endpoint);
			assertThat(history(endpoint)).hasSize(5);

			copies(quick.id(), 45);
			Map<String, Integer> fifty = statementsPerPage(endpoint);
			List<ScanDetails> page = history(endpoint);

			assertThat(page).hasSize(50);
			assertThat(page).filteredOn((scan) -> scan.kind() == ScanKind.QUICK)
				.hasSize(49)
				.allSatisfy((scan) -> assertThat(scan.results()).isEqualTo(quick.results()));
			assertThat(fifty).isEqualTo(five);
			assertThat(fifty.values()).allSatisfy((count) -> assertThat(count).isBetween(1, 20));
		}
	}

	private Map<String, Integer> statementsPerPage(EndpointDetails endpoint) throws Exception {
		return Map.of("history", StatementCounter.count(() -> history(endpoint)), "timeline",
				StatementCounter.count(() -> this.scans.timeline(endpoint.id(), 100)), "api",
				StatementCounter.count(() -> this.mvc
					.perform(get("/api/v1/endpoints/" + endpoint.id() + "/scans").queryParam("size", "100"))
					.andExpect(status().isOk())));
	}

	private List<ScanDetails> history(EndpointDetails endpoint) {
		return this.scans.history(endpoint.id(), PageRequest.of(0, 100)).getContent();
	}

	/**
	 * Copies of a stored scan, each a second earlier than the last, its rows and their
	 * collections copied column by column (references included).
	 */
	private void copies(long scanId, int count) {
		for (int i = 1; i <= count; i++) {
			Long copy = this.jdbc.queryForObject(
					"""
							insert into scan (endpoint_id, trigger, started_at, finished_at, outcome, error, kind, full_probe_at)
							select endpoint_id, trigger, started_at - make_interval(secs => ?),
							    finished_at - make_interval(secs => ?), outcome, error, kind, full_probe_at
							from scan where id = ? returning id""",
					Long.class, i, i, scanId);
			for (Long row : this.jdbc.queryForList("select id from scan_result where scan_id = ? order by id",
					Long.class, scanId)) {
				String columns = columns("scan_result", "id", "scan_id");
				Long copied = this.jdbc.queryForObject("insert into scan_result (scan_id, " + columns + ") select ?, "
						+ columns + " from scan_result where id = ? returning id", Long.class, copy, row);
				for (String table : List.of("scan_result_certificate", "scan_result_chain_issue",
						"scan_result_grade_reason", "scan_result_version")) {
					String rest = columns(table, "scan_result_id");
					this.jdbc.update("insert into " + table + " (scan_result_id, " + rest + ") select ?, " + rest
							+ " from " + table + " where scan_result_id = ?", copied, row);
				}
			}
		}
	}

	private String columns(String table, String... except) {
		return this.jdbc.queryForObject("""
				select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
				where table_schema = current_schema() and table_name = ? and column_name <> all (?)""", String.class,
				table, except);
	}

	/** The stored row of a one-address scan: its reference, JSON columns and counts. */
	private Map<String, Object> storedRow(long scanId) {
		return this.jdbc.queryForMap("""
				select r.carried_from, r.cipher_support::text as cipher_support, r.hsts::text as hsts,
				    r.vulnerabilities::text as vulnerabilities, r.revocation::text as revocation, r.grade,
				    (select count(*) from scan_result_version v where v.scan_result_id = r.id) as versions,
				    (select count(*) from scan_result_grade_reason g where g.scan_result_id = r.id) as reasons,
				    (select count(*) from scan_result_certificate c where c.scan_result_id = r.id) as chain
				from scan_result r where r.scan_id = ?""", scanId);
	}

	private String scanJson(EndpointDetails endpoint, long scanId) throws Exception {
		return this.mvc.perform(get("/api/v1/endpoints/" + endpoint.id() + "/scans/" + scanId))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theEndpointPageShowsEachScansKindAndWhenTheLastFullProbeRan() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port());
			fire(endpoint);
			fire(endpoint);

			String page = this.mvc.perform(get("/endpoints/" + endpoint.id()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(page).contains("id=\"scan-kind\"").contains("last full probe");
			assertThat(page.substring(page.indexOf("id=\"history\""))).contains("Quick check", "Full probe");
		}
	}

	@Test
	void aChangedCertificateMakesTheNextFiringAFullProbe() {
		Issued first = TestCertificates.localhost(TestTrustBundle.ca());
		Issued renewed = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(first); TestTlsServer replaced = TestTlsServer.start(renewed)) {
			EndpointDetails endpoint = register(server.port());
			assertThat(fire(endpoint).kind()).isEqualTo(ScanKind.FULL);
			assertThat(fire(endpoint).kind()).isEqualTo(ScanKind.QUICK);

			// The same address now serves another certificate
			this.endpoints.update(endpoint.id(), draft(replaced.port()));
			ScanDetails changed = fire(this.endpoints.get(endpoint.id()));

			assertThat(changed.kind()).isEqualTo(ScanKind.FULL);
			assertThat(changed.fullProbeAt()).isEqualTo(changed.startedAt());
			assertThat(changed.results().get(0).chain().get(0).serialNumber())
				.isEqualTo(renewed.certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT));
			assertThat(fire(this.endpoints.get(endpoint.id())).kind()).isEqualTo(ScanKind.QUICK);
		}
	}

	@Test
	void aFullProbeOlderThanTheMaximumAgeIsRepeated() {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port());
			ScanDetails full = fire(endpoint);
			this.jdbc.update("update scan set started_at = started_at - interval '25 hours', "
					+ "full_probe_at = full_probe_at - interval '25 hours' where id = ?", full.id());

			assertThat(fire(endpoint).kind()).isEqualTo(ScanKind.FULL);
			assertThat(fire(endpoint).kind()).isEqualTo(ScanKind.QUICK);
		}
	}

	@Test
	void theApiAnswersTheKindAndRunsWhatIsAsked() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register(server.port());
			String scans = "/api/v1/endpoints/" + endpoint.id() + "/scans";

			this.mvc.perform(post(scans).queryParam("kind", "QUICK"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.kind").value("FULL"))
				.andExpect(jsonPath("$.results[0].connections").isNumber())
				.andExpect(jsonPath("$.results[0].fingerprint").isString())
				.andExpect(jsonPath("$.results[0].rateLimit").doesNotExist());
			this.mvc.perform(post(scans).queryParam("kind", "QUICK"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.kind").value("QUICK"))
				.andExpect(jsonPath("$.results[0].connections").value(1))
				.andExpect(jsonPath("$.fullProbeAt").isString());
			this.mvc.perform(get(scans + "/latest"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("QUICK"));
			this.mvc.perform(post(scans).queryParam("kind", "SOMETIMES"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("kind"));
		}
	}

	@Test
	void aServerThatCutsAFullProbeShortIsRememberedAndNothingCutIsRefused() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf);
				RateLimitingFront front = RateLimitingFront.start(server.port(), 8)) {
			EndpointDetails endpoint = register(front.port());
			assertThat(this.scans.paced(endpoint.id())).isFalse();

			ScanDetails full = this.scans.scan(endpoint, ScanTrigger.MANUAL, ScanKind.FULL);

			AddressResult result = full.results().get(0);
			assertThat(result.rateLimit()).isNotNull();
			assertThat(result.rateLimit().describe()).matches("rate limited: \\d+ of \\d+ probes incomplete");
			assertThat(result.versions()).noneSatisfy((version) -> {
				assertThat(version.verdict()).isEqualTo(VersionVerdict.REJECTED);
				assertThat(version.detail()).startsWith("Connection reset");
			});
			assertThat(this.scans.paced(endpoint.id())).isTrue();
			assertThat(this.findings.awaitJudged(full.id(), WAIT)).isTrue();
			assertThat(this.findings.forScan(full.id()))
				.filteredOn((finding) -> finding.code().equals("PROBE_RATE_LIMITED"))
				.singleElement()
				.satisfies((finding) -> assertThat(finding.message()).contains(result.rateLimit().describe()));
			assertThat(this.scans.find(full.id()).orElseThrow().results().get(0).rateLimit())
				.isEqualTo(result.rateLimit());
			assertThat(this.mvc.perform(get("/endpoints/" + endpoint.id()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()).contains(result.rateLimit().describe());

			// The next full probe is paced: every connection waits for its turn, six a
			// minute by default, on a clock that moves only when a connection waits
			front.allow(Integer.MAX_VALUE);
			AtomicLong now = new AtomicLong();
			List<Duration> waits = new CopyOnWriteArrayList<>();
			AtomicInteger connects = new AtomicInteger();
			willAnswer((invocation) -> {
				ConnectionPacing pacing = new ConnectionPacing(invocation.getArgument(0), now::get, (wait) -> {
					waits.add(wait);
					now.addAndGet(wait.toNanos());
				});
				return new ConnectionWatch() {

					@Override
					public void beforeConnect() throws InterruptedException {
						connects.incrementAndGet();
						pacing.beforeConnect();
					}

				};
			}).given(this.pacer).forAddress(anyInt());
			ScanDetails paced = this.scans.scan(endpoint, ScanTrigger.MANUAL, ScanKind.FULL);

			then(this.pacer).should().forAddress(6);
			assertThat(paced.results().get(0).rateLimit()).isNull();
			assertThat(connects.get()).isEqualTo(paced.results().get(0).connections());
			assertThat(waits).isNotEmpty().allSatisfy((wait) -> assertThat(wait).isPositive());
		}
	}

	@Test
	void aQuickCheckOfARevokedLeafGivesTheSameRevocationFindingAndChangesNoAlert() {
		try (TestRevocationServer responder = TestRevocationServer.start(TestTrustBundle.ca())) {
			String name = uniqueName("revoked-quick");
			Issued leaf = TestCertificates.leaf(name)
				.dnsNames(name)
				.ocspResponder(responder.ocspUrl())
				.issuedBy(TestTrustBundle.ca());
			responder.revoke(leaf.certificate(), CRLReason.keyCompromise, revokedAt());
			try (TestTlsServer server = TestTlsServer.start(leaf)) {
				EndpointDetails endpoint = register(server.port(), name);

				ScanDetails full = fire(endpoint);
				List<Map<String, Object>> alertsAfterFull = alerts(endpoint);
				EndpointStatus statusAfterFull = this.findings.verdict(endpoint.id()).status();
				ScanDetails quick = fire(endpoint);

				assertThat(full.kind()).isEqualTo(ScanKind.FULL);
				assertThat(quick.kind()).isEqualTo(ScanKind.QUICK);
				AddressResult fullResult = full.results().get(0);
				AddressResult quickResult = quick.results().get(0);
				assertThat(fullResult.revocationDetails().status()).isEqualTo("REVOKED");
				assertThat(quickResult.revocation()).isEqualTo(fullResult.revocation());
				assertThat(quickResult.grade()).isNotNull().isEqualTo(fullResult.grade());
				assertThat(quickResult.grade().letter()).isEqualTo(GradeLetter.T);
				assertThat(revokedFindings(quick)).isNotEmpty().isEqualTo(revokedFindings(full));
				assertThat(codes(quick)).isEqualTo(codes(full));
				assertThat(this.findings.verdict(endpoint.id()).status()).isEqualTo(statusAfterFull);
				assertThat(alertsAfterFull).extracting((alert) -> alert.get("rule")).contains("CERT_REVOKED");
				assertThat(alerts(endpoint)).isEqualTo(alertsAfterFull);
				assertThat(this.scans.find(quick.id()).orElseThrow().results().get(0).revocation())
					.isEqualTo(fullResult.revocation());
				assertThat(stateGrade(endpoint)).isEqualTo("T");
			}
		}
	}

	@Test
	void aLeafRevokedAfterTheFullProbeIsFoundByTheNextQuickCheck() {
		try (TestRevocationServer responder = TestRevocationServer.start(TestTrustBundle.ca())) {
			// Answers whose nextUpdate is now: valid, but never served from the cache
			responder.validity(Duration.ofMinutes(1));
			String name = uniqueName("revoked-later");
			Issued leaf = TestCertificates.leaf(name)
				.dnsNames(name)
				.ocspResponder(responder.ocspUrl())
				.issuedBy(TestTrustBundle.ca());
			try (TestTlsServer server = TestTlsServer.start(leaf)) {
				EndpointDetails endpoint = register(server.port(), name);
				ScanDetails full = fire(endpoint);
				assertThat(full.kind()).isEqualTo(ScanKind.FULL);
				assertThat(full.results().get(0).revocationDetails().status()).isEqualTo("GOOD");
				assertThat(revokedFindings(full)).isEmpty();
				assertThat(alerts(endpoint)).extracting((alert) -> alert.get("rule")).doesNotContain("CERT_REVOKED");

				Instant revokedAt = revokedAt();
				responder.revoke(leaf.certificate(), CRLReason.keyCompromise, revokedAt);
				ScanDetails quick = fire(endpoint);

				assertThat(quick.kind()).isEqualTo(ScanKind.QUICK);
				assertThat(responder.ocspRequests()).isEqualTo(2);
				AddressResult result = quick.results().get(0);
				assertThat(result.connections()).isEqualTo(1);
				assertThat(result.revocationDetails().status()).isEqualTo("REVOKED");
				assertThat(result.revocationDetails().revokedAt()).isEqualTo(revokedAt);
				assertThat(result.grade()).isNotNull();
				assertThat(result.grade().letter()).isEqualTo(GradeLetter.T);
				assertThat(result.grade().reasons().get(0).code()).isEqualTo("CERT_REVOKED");
				assertThat(result.fullProbeAt()).isEqualTo(full.startedAt());
				assertThat(this.scans.find(quick.id()).orElseThrow().results()).isEqualTo(quick.results());
				assertThat(revokedFindings(quick)).singleElement()
					.satisfies((message) -> assertThat(message).contains("keyCompromise"));
				assertThat(alerts(endpoint)).extracting((alert) -> alert.get("rule")).contains("CERT_REVOKED");
				assertThat(stateGrade(endpoint)).isEqualTo("T");
			}
		}
	}

	/** The fleet's current state of the endpoint, as the judge keeps it. */
	private String stateGrade(EndpointDetails endpoint) {
		return this.jdbc.queryForObject("select grade from finding_status where endpoint_id = ?", String.class,
				endpoint.id());
	}

	/**
	 * A name of its own for an endpoint, so that a port another test's endpoint used
	 * before is no duplicate registration.
	 */
	private static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".tlswatch.test";
	}

	private EndpointDetails register(int port, String sniName) {
		return this.endpoints
			.register(new EndpointDraft("127.0.0.1", port, TlsMode.IMPLICIT, sniName, 60, List.of(), false));
	}

	private static Instant revokedAt() {
		return Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
	}

	private List<String> revokedFindings(ScanDetails scan) {
		return this.findings.forScan(scan.id())
			.stream()
			.filter((finding) -> finding.kind() == FindingKind.CERT_REVOKED)
			.map(FindingDetails::message)
			.toList();
	}

	private ScanDetails fire(EndpointDetails endpoint) {
		ScanDetails scan = this.scans.scan(endpoint, ScanTrigger.SCHEDULED, ScanKind.QUICK);
		assertThat(this.findings.awaitJudged(scan.id(), WAIT)).isTrue();
		Eventually
			.await(WAIT, "scan " + scan.id() + " handled by the alert module",
					() -> Boolean.TRUE.equals(this.jdbc.queryForObject(
							"select exists (select 1 from alert_scan_handled where scan_id = ?)", Boolean.class,
							scan.id())));
		return scan;
	}

	private List<String> codes(ScanDetails scan) {
		return this.findings.forScan(scan.id()).stream().map(FindingDetails::code).toList();
	}

	private List<Map<String, Object>> alerts(EndpointDetails endpoint) {
		return this.jdbc.queryForList(
				"select id, rule, subject, state, level, title, message from alert where endpoint_id = ? order by id",
				endpoint.id());
	}

	private EndpointDetails register(int port) {
		return this.endpoints.register(draft(port));
	}

	private static EndpointDraft draft(int port) {
		// Scheduled scans are off: the tests fire them by hand
		return new EndpointDraft("127.0.0.1", port, TlsMode.IMPLICIT, "localhost", 60, List.of(), false);
	}

}
