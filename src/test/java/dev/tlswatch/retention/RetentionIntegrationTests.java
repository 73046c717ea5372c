package dev.tlswatch.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tlswatch.audit.AuditRetention;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.notify.OutboxRetention;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ScanRetention;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on a database seeded with old history: which scans, certificates, delivered
 * messages and audit events go and which stay, in batches smaller than the history, and
 * the clustered job that runs it.
 */
@IntegrationTest
class RetentionIntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/** Midnight UTC of a day well past the 90 days every scan is kept. */
	private static final Instant OLD_DAY = NOW.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(120));

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private ScanRetention scans;

	@Autowired
	private Findings findings;

	@Autowired
	private Scans history;

	@Autowired
	private OutboxRetention outbox;

	@Autowired
	private AuditRetention audit;

	@Autowired
	private RetentionSettings settings;

	@Autowired
	private Retention retention;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RetentionProgress progress;

	@Autowired
	private TransactionOperations transactions;

	@Test
	void oldScansAreKeptOnlyWhereSomethingChangedPlusOnePerDay() {
		EndpointDetails endpoint = register();
		String c1 = certificate(OLD_DAY.minus(Duration.ofDays(10)));
		String c2 = certificate(OLD_DAY.minus(Duration.ofDays(10)));
		long first = scan(endpoint, OLD_DAY.plus(Duration.ofHours(1)), c1, null);
		long sameAsFirst = scan(endpoint, OLD_DAY.plus(Duration.ofHours(2)), c1, null);
		long sameAgain = scan(endpoint, OLD_DAY.plus(Duration.ofHours(3)), c1, null);
		long newCertificate = scan(endpoint, OLD_DAY.plus(Duration.ofHours(4)), c2, null);
		long newFinding = scan(endpoint, OLD_DAY.plus(Duration.ofHours(5)), c2, "CERT_EXPIRING");
		long sameAsNewFinding = scan(endpoint, OLD_DAY.plus(Duration.ofHours(6)), c2, "CERT_EXPIRING");
		long nextDay = scan(endpoint, OLD_DAY.plus(Duration.ofHours(25)), c2, "CERT_EXPIRING");
		long nextDaySame = scan(endpoint, OLD_DAY.plus(Duration.ofHours(26)), c2, "CERT_EXPIRING");
		List<Long> recent = new ArrayList<>();
		for (int hour = 0; hour < 6; hour++) {
			recent.add(scan(endpoint, NOW.minus(Duration.ofDays(5)).plus(Duration.ofHours(hour)), c2, "CERT_EXPIRING"));
		}

		RetentionReport report = service(2).runNow();

		assertThat(existing(endpoint))
			.containsExactlyInAnyOrderElementsOf(concat(List.of(first, newCertificate, newFinding, nextDay), recent));
		assertThat(report.scans()).isGreaterThanOrEqualTo(4);
		assertThat(this.jdbc.queryForObject("select count(*) from finding where scan_id in (?, ?, ?, ?)", Integer.class,
				sameAsFirst, sameAgain, sameAsNewFinding, nextDaySame))
			.isZero();
		assertThat(certificateExists(c1)).isTrue();
		assertThat(certificateExists(c2)).isTrue();

		RetentionReport again = service(2).runNow();

		assertThat(existing(endpoint)).hasSize(4 + recent.size());
		assertThat(again.finishedAt()).isAfterOrEqualTo(again.startedAt());
	}

	@Test
	void aPrunedFullProbesFactsAreCopiedIntoTheKeptQuickCheckThatCarriesThem() {
		EndpointDetails endpoint = register();
		String c1 = certificate(OLD_DAY.minus(Duration.ofDays(10)));
		long first = scan(endpoint, OLD_DAY.plus(Duration.ofHours(1)), c1, null);
		Instant fullProbeAt = OLD_DAY.plus(Duration.ofHours(2));
		long fullProbe = scan(endpoint, fullProbeAt, c1, null);
		long fullRow = this.jdbc.queryForObject("select id from scan_result where scan_id = ?", Long.class, fullProbe);
		this.jdbc.update(
				"""
						update scan_result set grade_ignoring_trust = 'A', grade_score = 91.5, full_probe_at = ?,
						    hsts = '{"state":"NOT_APPLICABLE","maxAge":null,"includeSubDomains":false,"preload":false,"header":null,"detail":"not an HTTPS port"}'::jsonb
						where id = ?""",
				Timestamp.from(fullProbeAt), fullRow);
		this.jdbc.update("""
				insert into scan_result_version (scan_result_id, version, outcome, detail)
				values (?, 'TLS_1_2', 'REJECTED', 'Alert'), (?, 'TLS_1_3', 'ACCEPTED', 'TLS_AES_128_GCM_SHA256')""",
				fullRow, fullRow);
		this.jdbc.update("""
				insert into scan_result_grade_reason (scan_result_id, ordinal, code, text, cap)
				values (?, 0, 'HSTS_MISSING', 'No HSTS', 'A')""", fullRow);
		// The next day's first firing: a quick check that carries the full probe's facts
		long quick = scan(endpoint, OLD_DAY.plus(Duration.ofHours(25)), c1, null);
		this.jdbc.update("update scan set kind = 'QUICK', full_probe_at = ? where id = ?", Timestamp.from(fullProbeAt),
				quick);
		this.jdbc.update(
				"""
						update scan_result set grade_ignoring_trust = 'A', grade_score = 91.5, full_probe_at = ?, connections = 1,
						    carried_from = ?
						where scan_id = ?""",
				Timestamp.from(fullProbeAt), fullRow, quick);
		AddressResult before = this.history.find(quick).orElseThrow().results().get(0);
		assertThat(before.versions()).hasSize(2);
		assertThat(before.grade()).isNotNull();
		assertThat(before.grade().reasons()).hasSize(1);
		assertThat(before.hsts()).isNotNull();

		service(2).runNow();

		assertThat(existing(endpoint)).containsExactly(first, quick);
		assertThat(this.history.find(quick).orElseThrow().results()).containsExactly(before);
		assertThat(
				this.jdbc.queryForObject("select carried_from from scan_result where scan_id = ?", Long.class, quick))
			.isNull();
	}

	@Test
	void anEndpointsLatestScanIsNeverDeleted() {
		EndpointDetails endpoint = register();
		String c1 = certificate(OLD_DAY.minus(Duration.ofDays(10)));
		long first = scan(endpoint, OLD_DAY.plus(Duration.ofHours(1)), c1, null);
		long latest = scan(endpoint, OLD_DAY.plus(Duration.ofHours(2)), c1, null);
		this.jdbc.update("""
				insert into scan_latest (endpoint_id, scan_id, scanned_at, outcome, leaf_sha256)
				values (?, ?, ?, 'OK', ?)""", endpoint.id(), latest, Timestamp.from(OLD_DAY.plus(Duration.ofHours(2))),
				c1);

		service(500).runNow();

		assertThat(existing(endpoint)).containsExactly(first, latest);
	}

	@Test
	void unreferencedOldCertificatesDeliveredMessagesAndOldAuditEventsGo() {
		String orphanOld = certificate(OLD_DAY);
		String orphanNew = certificate(NOW.minus(Duration.ofDays(1)));
		long oldSent = delivery("SENT", NOW.minus(Duration.ofDays(40)));
		long recentSent = delivery("SENT", NOW.minus(Duration.ofDays(10)));
		long oldPending = delivery("PENDING", null);
		long oldAudit = auditEvent(NOW.minus(Duration.ofDays(400)));
		long recentAudit = auditEvent(NOW.minus(Duration.ofDays(100)));

		RetentionReport report = service(3).runNow();

		assertThat(certificateExists(orphanOld)).isFalse();
		assertThat(certificateExists(orphanNew)).isTrue();
		assertThat(ids("notify_outbox", List.of(oldSent, recentSent, oldPending))).containsExactlyInAnyOrder(recentSent,
				oldPending);
		assertThat(ids("audit_event", List.of(oldAudit, recentAudit))).containsExactly(recentAudit);
		assertThat(report.certificates()).isPositive();
		assertThat(report.deliveries()).isPositive();
		assertThat(report.auditEvents()).isPositive();
	}

	@Test
	void theJobIsClusteredAndRunsThroughQuartz() throws Exception {
		assertThat(this.jdbc.queryForObject(
				"select count(*) from qrtz_job_details where sched_name = ? and job_name = ? and job_group = ?",
				Integer.class, this.scheduler.getSchedulerName(), RetentionScheduler.JOB.getName(),
				RetentionScheduler.JOB.getGroup()))
			.isOne();
		String orphan = certificate(OLD_DAY);

		this.scheduler.triggerJob(RetentionScheduler.JOB);

		Eventually.await(Duration.ofSeconds(30), "the retention job to delete the orphan certificate",
				() -> !certificateExists(orphan));
		Eventually.await(Duration.ofSeconds(30), "the job's report", () -> this.retention.status().lastRun() != null);
		assertThat(this.retention.status().databaseBytes()).isPositive();
	}

	private RetentionService service(int batchSize) {
		RetentionSettings small = new RetentionSettings(true, this.settings.scansInFull(),
				this.settings.deliveredOutbox(), this.settings.audit(), this.settings.interval(), batchSize);
		return new RetentionService(this.scans, this.findings, this.outbox, this.audit, small, this.jdbc, this.progress,
				this.transactions, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private EndpointDetails register() {
		return this.endpoints.register(new EndpointDraft("retention-" + UUID.randomUUID() + ".example", 443,
				TlsMode.IMPLICIT, null, 60, List.of(), false));
	}

	private long scan(EndpointDetails endpoint, Instant startedAt, String certificate, @Nullable String finding) {
		Long scanId = this.jdbc.queryForObject("""
				insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
				values (?, 'SCHEDULED', ?, ?, 'OK') returning id""", Long.class, endpoint.id(),
				Timestamp.from(startedAt), Timestamp.from(startedAt.plusSeconds(2)));
		Long resultId = this.jdbc.queryForObject("""
				insert into scan_result (scan_id, address, outcome, protocol, cipher_suite, trust, grade)
				values (?, '192.0.2.10', 'OK', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256', 'TRUSTED', 'A') returning id""",
				Long.class, scanId);
		this.jdbc.update("insert into scan_result_certificate (scan_result_id, position, certificate_sha256) "
				+ "values (?, 0, ?)", resultId, certificate);
		if (finding != null) {
			this.jdbc.update("""
					insert into finding (scan_id, endpoint_id, address, code, severity, message)
					values (?, ?, '192.0.2.10', ?, 'WARNING', 'seeded')""", scanId, endpoint.id(), finding);
		}
		return scanId;
	}

	private String certificate(Instant firstSeen) {
		String sha256 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
		this.jdbc.update("""
				insert into certificate (sha256, subject, issuer, serial_number, subject_alt_names, not_before,
				    not_after, key_algorithm, key_size, signature_algorithm, self_signed, pem, first_seen_at)
				values (?, 'CN=seeded', 'CN=seeded CA', '01', '{}', ?, ?, 'EC', 256, 'SHA256withECDSA', false,
				    'seeded', ?)""", sha256, Timestamp.from(firstSeen.minus(Duration.ofDays(1))),
				Timestamp.from(firstSeen.plus(Duration.ofDays(90))), Timestamp.from(firstSeen));
		return sha256;
	}

	private long delivery(String status, @Nullable Instant sentAt) {
		Instant created = (sentAt != null) ? sentAt : NOW.minus(Duration.ofDays(40));
		Long message = this.jdbc.queryForObject("""
				insert into notify_message (message_key, subject, body_text, created_at)
				values (?, 'seeded', 'seeded', ?) returning id""", Long.class, "retention-" + UUID.randomUUID(),
				Timestamp.from(created));
		return this.jdbc.queryForObject(
				"""
						insert into notify_outbox (message_id, channel, channel_name, status, delivery_id, next_attempt_at, sent_at,
						    created_at)
						values (?, 'WEBHOOK', 'webhook', ?, ?, ?, ?, ?) returning id""",
				Long.class, message, status, UUID.randomUUID().toString(),
				Timestamp.from(NOW.plus(Duration.ofDays(365))), (sentAt != null) ? Timestamp.from(sentAt) : null,
				Timestamp.from(created));
	}

	private long auditEvent(Instant occurredAt) {
		return this.jdbc.queryForObject("""
				insert into audit_event (occurred_at, actor, action, target_type, summary)
				values (?, 'seeded', 'SEEDED', 'test', 'seeded') returning id""", Long.class,
				Timestamp.from(occurredAt));
	}

	private List<Long> existing(EndpointDetails endpoint) {
		return this.jdbc.queryForList("select id from scan where endpoint_id = ? order by started_at, id", Long.class,
				endpoint.id());
	}

	private List<Long> ids(String table, List<Long> ids) {
		return this.jdbc.queryForList("select id from " + table + " where id = any(?)", Long.class,
				(Object) ids.toArray(Long[]::new));
	}

	private boolean certificateExists(String sha256) {
		return this.jdbc.queryForObject("select count(*) from certificate where sha256 = ?", Integer.class,
				sha256) == 1;
	}

	private static List<Long> concat(List<Long> a, List<Long> b) {
		List<Long> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
