package dev.tlswatch.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlswatch.audit.AuditRetention;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.notify.OutboxRetention;
import dev.tlswatch.scan.ScanFingerprint;
import dev.tlswatch.scan.ScanRetention;
import dev.tlswatch.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Retention that resumes where its last run stopped: the second run reads only the scans
 * that crossed the cutoff since the first and deletes exactly what a walk from the oldest
 * scan deletes; a mark is forgotten (and the endpoint walked from the oldest again) when
 * the history before it changes; a crash between batches leaves mark and deletes in step.
 */
@IntegrationTest
class RetentionProgressIntegrationTests {

	/** The first run; its cutoff is noon UTC, 90 days earlier. */
	private static final Instant FIRST_RUN = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));

	/** A day later: the scans of the 24 hours after the first cutoff crossed it. */
	private static final Instant SECOND_RUN = FIRST_RUN.plus(Duration.ofDays(1));

	/** Midnight UTC of the first cutoff's day. */
	private static final Instant DAY = FIRST_RUN.minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.DAYS);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private ScanRetention scans;

	@Autowired
	private Findings findings;

	@Autowired
	private OutboxRetention outbox;

	@Autowired
	private AuditRetention audit;

	@Autowired
	private RetentionSettings settings;

	@Autowired
	private RetentionProgress progress;

	@Autowired
	private TransactionOperations transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theSecondRunReadsOnlyWhatCrossedTheCutoffAndDeletesWhatAWalkFromTheOldestDeletes() {
		String c1 = certificate();
		String c2 = certificate();
		History resumed = history(c1, c2);
		History restarted = history(c1, c2);
		CountingScans firstRun = new CountingScans(this.scans);

		service(firstRun, 2, FIRST_RUN).runNow();

		assertThat(firstRun.read(resumed.endpoint)).containsExactlyElementsOf(resumed.range(0, 4));
		assertThat(existing(resumed.endpoint)).containsExactlyElementsOf(resumed.ids(0, 2, 5, 6, 7, 8, 9, 10, 11, 12));
		assertThat(mark(resumed.endpoint)).containsExactly(resumed.id(4), resumed.id(2));
		// a copy that was never pruned, and one whose mark is gone (the first run after
		// upgrade)
		History fresh = history(c1, c2);
		this.jdbc.update("delete from retention_progress where endpoint_id = ?", restarted.endpoint);
		CountingScans secondRun = new CountingScans(this.scans);

		service(secondRun, 2, SECOND_RUN).runNow();

		List<Integer> expected = List.of(0, 2, 6, 8, 9, 11, 12);
		assertThat(secondRun.read(resumed.endpoint)).containsExactlyElementsOf(resumed.range(5, 11));
		assertThat(existing(resumed.endpoint)).containsExactlyElementsOf(resumed.ids(expected));
		assertThat(existing(restarted.endpoint)).containsExactlyElementsOf(restarted.ids(expected));
		assertThat(existing(fresh.endpoint)).containsExactlyElementsOf(fresh.ids(expected));
		assertThat(secondRun.read(restarted.endpoint))
			.containsExactlyElementsOf(restarted.ids(0, 2, 5, 6, 7, 8, 9, 10, 11));
		assertThat(mark(resumed.endpoint)).containsExactly(resumed.id(11), resumed.id(11));
		assertThat(mark(restarted.endpoint)).isEqualTo(
				mark(resumed.endpoint).stream().map((id) -> restarted.ids.get(resumed.ids.indexOf(id))).toList());

		CountingScans thirdRun = new CountingScans(this.scans);
		service(thirdRun, 2, SECOND_RUN).runNow();

		assertThat(thirdRun.read(resumed.endpoint)).isEmpty();
		assertThat(thirdRun.endpointsListed()).doesNotContain(resumed.endpoint, restarted.endpoint, fresh.endpoint);
		assertThat(existing(resumed.endpoint)).containsExactlyElementsOf(resumed.ids(expected));
	}

	@Test
	void aScanStoredBeforeTheMarkMakesTheNextRunWalkFromTheOldest() {
		String c1 = certificate();
		String c2 = certificate();
		History history = history(c1, c2);
		service(this.scans, 500, FIRST_RUN).runNow();
		assertThat(mark(history.endpoint)).isNotEmpty();

		// a node whose clock was far behind stores a scan that differs, before the mark
		long late = scan(history.endpoint, DAY.plus(Duration.ofHours(10)), c2, null);

		assertThat(mark(history.endpoint)).isEmpty();
		CountingScans secondRun = new CountingScans(this.scans);
		service(secondRun, 500, SECOND_RUN).runNow();

		assertThat(secondRun.read(history.endpoint)).startsWith(history.id(0), history.id(2), late);
		// scan 5 equals the mark (a resumed walk would delete it) but differs from the
		// late scan
		assertThat(existing(history.endpoint)).containsExactly(history.id(0), history.id(2), late, history.id(5),
				history.id(6), history.id(8), history.id(9), history.id(11), history.id(12));
	}

	@Test
	void deletingTheKeptScanOrTheEndpointForgetsTheMark() {
		History kept = history(certificate(), certificate());
		History gone = history(certificate(), certificate());
		service(this.scans, 500, FIRST_RUN).runNow();
		assertThat(mark(kept.endpoint)).containsExactly(kept.id(4), kept.id(2));

		this.jdbc.update("delete from scan where id = ?", kept.id(0));
		assertThat(mark(kept.endpoint)).containsExactly(kept.id(4), kept.id(2));
		this.jdbc.update("delete from scan where id = ?", kept.id(2));
		assertThat(mark(kept.endpoint)).isEmpty();

		this.endpoints.delete(gone.endpoint);
		assertThat(this.jdbc.queryForObject("select count(*) from retention_progress where endpoint_id = ?",
				Integer.class, gone.endpoint))
			.isZero();
	}

	@Test
	void aRunThatFailsBetweenBatchesLeavesTheMarkWithTheLastCommittedBatch() {
		String c1 = certificate();
		String c2 = certificate();
		History crashed = history(c1, c2);
		History clean = history(c1, c2);
		// the delete transaction of the crashed endpoint's second batch fails: its first
		// batch (scans 0 and 1, 1 deleted) is committed, the second rolled back with its
		// mark
		CountingScans failing = new CountingScans(this.scans);
		failing.failDeleteAfterPage(crashed.endpoint, 2);

		assertThatIllegalStateException().isThrownBy(() -> service(failing, 2, SECOND_RUN).runNow());

		assertThat(existing(crashed.endpoint))
			.containsExactlyElementsOf(crashed.ids(0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
		assertThat(mark(crashed.endpoint)).containsExactly(crashed.id(1), crashed.id(0));
		assertThat(mark(clean.endpoint)).isEmpty();

		service(this.scans, 2, SECOND_RUN).runNow();

		List<Integer> expected = List.of(0, 2, 6, 8, 9, 11, 12);
		assertThat(existing(crashed.endpoint)).containsExactlyElementsOf(crashed.ids(expected));
		assertThat(existing(clean.endpoint)).containsExactlyElementsOf(clean.ids(expected));
	}

	@Test
	void anEndpointIsVisitedWhileItHasScansPastItsMarkByStartThenId() {
		String c1 = certificate();
		long endpoint = this.endpoints
			.register(new EndpointDraft("progress-" + UUID.randomUUID() + ".example", 443, TlsMode.IMPLICIT, null, 60,
					List.of(), false))
			.id();
		Instant first = DAY.plus(Duration.ofHours(1));
		Instant second = DAY.plus(Duration.ofHours(2));
		long a = scan(endpoint, first, c1, null);
		long b = scan(endpoint, second, c1, null);
		long c = scan(endpoint, second, c1, null);
		scan(endpoint, DAY.plus(Duration.ofDays(2)), c1, null);
		Instant cutoff = DAY.plus(Duration.ofDays(1));

		assertThat(this.scans.endpointsWithScansBefore(cutoff, Map.of())).contains(endpoint);
		assertThat(this.scans.endpointsWithScansBefore(cutoff, Map.of(endpoint, new ScanFingerprint(a, first, ""))))
			.contains(endpoint);
		assertThat(this.scans.endpointsWithScansBefore(cutoff, Map.of(endpoint, new ScanFingerprint(b, second, ""))))
			.contains(endpoint);
		assertThat(this.scans.endpointsWithScansBefore(cutoff, Map.of(endpoint, new ScanFingerprint(c, second, ""))))
			.doesNotContain(endpoint);
		assertThat(this.scans.endpointsWithScansBefore(first, Map.of())).doesNotContain(endpoint);
	}

	/**
	 * Thirteen scans of a new endpoint: 0–4 before the first cutoff, 5–11 between it and
	 * the second, 12 after that. A walk from the oldest keeps 0 (first), 2 (a new day), 6
	 * (a new certificate right after 5, which equals the mark 4), 8 (a new finding), 9 (a
	 * new day), 11 (the first certificate back), and 12 is too young.
	 */
	private History history(String c1, String c2) {
		long endpoint = this.endpoints
			.register(new EndpointDraft("progress-" + UUID.randomUUID() + ".example", 443, TlsMode.IMPLICIT, null, 60,
					List.of(), false))
			.id();
		List<Long> ids = new ArrayList<>();
		ids.add(scan(endpoint, DAY.minus(Duration.ofHours(23)), c1, null));
		ids.add(scan(endpoint, DAY.minus(Duration.ofHours(22)), c1, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(1)), c1, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(2)), c1, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(11)), c1, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofMinutes(12 * 60 + 30)), c1, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(13)), c2, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(14)), c2, null));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(23)), c2, "CERT_EXPIRING"));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(25)), c2, "CERT_EXPIRING"));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(26)), c2, "CERT_EXPIRING"));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(35)), c1, "CERT_EXPIRING"));
		ids.add(scan(endpoint, DAY.plus(Duration.ofHours(37)), c1, "CERT_EXPIRING"));
		return new History(endpoint, List.copyOf(ids));
	}

	private RetentionService service(ScanRetention scanRetention, int batchSize, Instant now) {
		RetentionSettings small = new RetentionSettings(true, Duration.ofDays(90), this.settings.deliveredOutbox(),
				this.settings.audit(), this.settings.interval(), batchSize);
		return new RetentionService(scanRetention, this.findings, this.outbox, this.audit, small, this.jdbc,
				this.progress, this.transactions, Clock.fixed(now, ZoneOffset.UTC));
	}

	private long scan(long endpoint, Instant startedAt, String certificate, @Nullable String finding) {
		Long scanId = this.jdbc.queryForObject("""
				insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
				values (?, 'SCHEDULED', ?, ?, 'OK') returning id""", Long.class, endpoint, Timestamp.from(startedAt),
				Timestamp.from(startedAt.plusSeconds(2)));
		Long resultId = this.jdbc.queryForObject("""
				insert into scan_result (scan_id, address, outcome, protocol, cipher_suite, trust, grade)
				values (?, '192.0.2.10', 'OK', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256', 'TRUSTED', 'A') returning id""",
				Long.class, scanId);
		this.jdbc.update("insert into scan_result_certificate (scan_result_id, position, certificate_sha256) "
				+ "values (?, 0, ?)", resultId, certificate);
		if (finding != null) {
			this.jdbc.update("""
					insert into finding (scan_id, endpoint_id, address, code, severity, message)
					values (?, ?, '192.0.2.10', ?, 'WARNING', 'seeded')""", scanId, endpoint, finding);
		}
		return scanId;
	}

	private String certificate() {
		String sha256 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
		Instant firstSeen = DAY.minus(Duration.ofDays(10));
		this.jdbc.update("""
				insert into certificate (sha256, subject, issuer, serial_number, subject_alt_names, not_before,
				    not_after, key_algorithm, key_size, signature_algorithm, self_signed, pem, first_seen_at)
				values (?, 'CN=seeded', 'CN=seeded CA', '01', '{}', ?, ?, 'EC', 256, 'SHA256withECDSA', false,
				    'seeded', ?)""", sha256, Timestamp.from(firstSeen.minus(Duration.ofDays(1))),
				Timestamp.from(firstSeen.plus(Duration.ofDays(400))), Timestamp.from(firstSeen));
		return sha256;
	}

	private List<Long> existing(long endpoint) {
		return this.jdbc.queryForList("select id from scan where endpoint_id = ? order by started_at, id", Long.class,
				endpoint);
	}

	/** The mark as (last scan compared, last scan kept), empty when there is none. */
	private List<Long> mark(long endpoint) {
		return this.jdbc
			.query("select last_scan_id, kept_scan_id from retention_progress where endpoint_id = ?",
					(rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), endpoint)
			.stream()
			.findFirst()
			.orElse(List.of());
	}

	private record History(long endpoint, List<Long> ids) {

		long id(int index) {
			return this.ids.get(index);
		}

		/** The ids from {@code from} to {@code to}, both included. */
		List<Long> range(int from, int to) {
			return this.ids.subList(from, to + 1);
		}

		List<Long> ids(int... more) {
			List<Integer> indexes = new ArrayList<>();
			for (int index : more) {
				indexes.add(index);
			}
			return ids(indexes);
		}

		List<Long> ids(List<Integer> indexes) {
			return indexes.stream().map(this.ids::get).toList();
		}

	}

	/**
	 * The scan side as it is, counting the fingerprints each endpoint's pages returned
	 * (the scans a run read) and optionally failing one delete transaction.
	 */
	private static final class CountingScans implements ScanRetention {

		private final ScanRetention delegate;

		private final Map<Long, List<Long>> read = new ConcurrentHashMap<>();

		private final List<Long> listed = new ArrayList<>();

		private final Map<Long, Integer> pages = new ConcurrentHashMap<>();

		private long pagedEndpoint;

		private long failEndpoint = -1;

		private int failPage;

		CountingScans(ScanRetention delegate) {
			this.delegate = delegate;
		}

		void failDeleteAfterPage(long endpoint, int page) {
			this.failEndpoint = endpoint;
			this.failPage = page;
		}

		List<Long> read(long endpoint) {
			return this.read.getOrDefault(endpoint, List.of());
		}

		List<Long> endpointsListed() {
			return List.copyOf(this.listed);
		}

		@Override
		public Duration referencedFor() {
			return this.delegate.referencedFor();
		}

		@Override
		public List<Long> endpointsWithScansBefore(Instant before, Map<Long, ScanFingerprint> walkedUpTo) {
			List<Long> endpoints = this.delegate.endpointsWithScansBefore(before, walkedUpTo);
			this.listed.addAll(endpoints);
			return endpoints;
		}

		@Override
		public List<ScanFingerprint> oldScans(long endpointId, Instant before, ScanFingerprint after, int limit) {
			return counted(endpointId, this.delegate.oldScans(endpointId, before, after, limit));
		}

		@Override
		public List<ScanFingerprint> oldScans(long endpointId, Instant before, int limit) {
			return counted(endpointId, this.delegate.oldScans(endpointId, before, limit));
		}

		private List<ScanFingerprint> counted(long endpointId, List<ScanFingerprint> page) {
			this.read.computeIfAbsent(endpointId, (id) -> new ArrayList<>())
				.addAll(page.stream().map(ScanFingerprint::scanId).toList());
			this.pagedEndpoint = endpointId;
			this.pages.merge(endpointId, 1, Integer::sum);
			return page;
		}

		@Override
		public int deleteScans(Collection<Long> scanIds) {
			int deleted = this.delegate.deleteScans(scanIds);
			if (this.pagedEndpoint == this.failEndpoint
					&& this.pages.getOrDefault(this.failEndpoint, 0) == this.failPage) {
				throw new IllegalStateException("Simulated crash in the delete transaction of page " + this.failPage);
			}
			return deleted;
		}

		@Override
		public int deleteUnreferencedCertificates(Instant firstSeenBefore, int limit) {
			return this.delegate.deleteUnreferencedCertificates(firstSeenBefore, limit);
		}

	}

}
