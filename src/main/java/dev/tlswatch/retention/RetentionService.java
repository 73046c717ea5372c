package dev.tlswatch.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tlswatch.audit.AuditRetention;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.notify.OutboxRetention;
import dev.tlswatch.retention.RetentionProgress.Mark;
import dev.tlswatch.scan.ScanFingerprint;
import dev.tlswatch.scan.ScanRetention;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One retention run: per endpoint, walks its scans older than
 * {@code tlswatch.retention.scans-in-full} oldest first a page at a time, keeps the first
 * of each day and every scan whose fingerprint or findings differ from the scan before,
 * and deletes the rest; then certificates no scan references, delivered outbox rows and
 * old audit events. Every read and delete is its own short transaction, so no lock is
 * held for long. The walk resumes where the last run stopped ({@link RetentionProgress}),
 * with the last scan it compared as the one before: a deleted scan equalled the one it
 * was compared with, so the decisions are those of a walk from the oldest scan, and a run
 * reads only the scans that crossed the cutoff since the last.
 */
@Service
class RetentionService implements Retention {

	private static final Logger logger = LoggerFactory.getLogger(RetentionService.class);

	private final ScanRetention scans;

	private final Findings findings;

	private final OutboxRetention outbox;

	private final AuditRetention audit;

	private final RetentionSettings settings;

	private final JdbcTemplate jdbc;

	private final RetentionProgress progress;

	private final TransactionOperations transactions;

	private final Clock clock;

	private volatile @Nullable RetentionReport lastRun;

	RetentionService(ScanRetention scans, Findings findings, OutboxRetention outbox, AuditRetention audit,
			RetentionSettings settings, JdbcTemplate jdbc, RetentionProgress progress,
			TransactionOperations transactions, Clock clock) {
		if (settings.scansInFull().compareTo(scans.referencedFor()) < 0) {
			throw new IllegalStateException("tlswatch.retention.scans-in-full (" + settings.scansInFull()
					+ ") must be at least tlswatch.scan.full-probe-max-age (" + scans.referencedFor()
					+ "): a quick check refers to its endpoint's last full probe, which retention must not delete "
					+ "while it may still be referred to. Raise scans-in-full or lower full-probe-max-age.");
		}
		this.scans = scans;
		this.findings = findings;
		this.outbox = outbox;
		this.audit = audit;
		this.settings = settings;
		this.jdbc = jdbc;
		this.progress = progress;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public RetentionReport runNow() {
		Instant started = this.clock.instant();
		Instant scanCutoff = started.minus(this.settings.scansInFull());
		long scansDeleted = 0;
		Map<Long, Mark> marks = this.progress.all();
		Map<Long, ScanFingerprint> walkedUpTo = new HashMap<>();
		marks.forEach((endpointId, mark) -> walkedUpTo.put(endpointId, mark.scan()));
		for (long endpointId : this.scans.endpointsWithScansBefore(scanCutoff, walkedUpTo)) {
			scansDeleted += pruneEndpoint(endpointId, scanCutoff, marks.get(endpointId));
		}
		long certificates = repeat(
				() -> this.scans.deleteUnreferencedCertificates(scanCutoff, this.settings.batchSize()));
		Instant outboxCutoff = started.minus(this.settings.deliveredOutbox());
		long deliveries = repeat(() -> this.outbox.deleteDelivered(outboxCutoff, this.settings.batchSize()));
		Instant auditCutoff = started.minus(this.settings.audit());
		long auditEvents = repeat(() -> this.audit.deleteBefore(auditCutoff, this.settings.batchSize()));
		RetentionReport report = new RetentionReport(started, this.clock.instant(), scansDeleted, certificates,
				deliveries, auditEvents);
		this.lastRun = report;
		logger.info("Retention: deleted {} scans, {} certificates, {} delivered messages, {} audit events",
				report.scans(), report.certificates(), report.deliveries(), report.auditEvents());
		return report;
	}

	/**
	 * Walks an endpoint's old scans from where the last walk stopped ({@code mark}), or
	 * from the oldest when there is no mark. The new mark is stored in the transaction
	 * that deletes the batch it covers, so after a crash the mark and the deletes agree
	 * and the next run repeats at most the batch that did not commit. When the mark was
	 * forgotten meanwhile (see V76), the batch is rolled back and the walk ends: the next
	 * run walks this endpoint from the oldest scan.
	 */
	private long pruneEndpoint(long endpointId, Instant cutoff, @Nullable Mark mark) {
		int limit = this.settings.batchSize();
		long deleted = 0;
		Mark from = mark;
		Kept previous = (from != null) ? Kept.of(from) : null;
		long kept = (from != null) ? from.keptScanId() : 0;
		List<ScanFingerprint> page = (from != null) ? this.scans.oldScans(endpointId, cutoff, from.scan(), limit)
				: this.scans.oldScans(endpointId, cutoff, limit);
		while (!page.isEmpty()) {
			Map<Long, List<FindingDetails>> findingsByScan = this.findings
				.forScans(page.stream().map(ScanFingerprint::scanId).toList());
			List<Long> doomed = new ArrayList<>();
			for (ScanFingerprint scan : page) {
				Kept current = new Kept(scan, LocalDate.ofInstant(scan.startedAt(), ZoneOffset.UTC),
						findingsKey(findingsByScan.getOrDefault(scan.scanId(), List.of())));
				if (previous != null && !current.differsFrom(previous)) {
					doomed.add(scan.scanId());
				}
				else {
					kept = scan.scanId();
				}
				previous = current;
			}
			Mark to = new Mark(previous.scan(), previous.findings(), kept);
			Mark resumed = from;
			Integer batch = this.transactions
				.execute((status) -> deleteAndMark(endpointId, resumed, to, doomed, status));
			if (batch == null || batch < 0) {
				logger.info("Retention: the mark of endpoint {} was forgotten during the run; "
						+ "the next run walks it from its oldest scan", endpointId);
				break;
			}
			deleted += batch;
			from = to;
			if (page.size() < limit) {
				break;
			}
			page = this.scans.oldScans(endpointId, cutoff, page.get(page.size() - 1), limit);
		}
		return deleted;
	}

	/**
	 * Moves the mark first (which locks its row against the triggers that forget it),
	 * then deletes; -1 and a rollback when the mark to move is gone.
	 */
	private int deleteAndMark(long endpointId, @Nullable Mark from, Mark to, List<Long> doomed,
			TransactionStatus status) {
		if (from == null) {
			this.progress.start(endpointId, to);
		}
		else if (!this.progress.advance(endpointId, from, to)) {
			status.setRollbackOnly();
			return -1;
		}
		return this.scans.deleteScans(doomed);
	}

	private static String findingsKey(Collection<FindingDetails> findings) {
		return findings.stream()
			.map((finding) -> finding.code() + "|" + finding.severity() + "|" + finding.address())
			.sorted(Comparator.naturalOrder())
			.toList()
			.toString();
	}

	private static long repeat(Batch batch) {
		long total = 0;
		int deleted;
		do {
			deleted = batch.run();
			total += deleted;
		}
		while (deleted > 0);
		return total;
	}

	@Override
	public RetentionStatus status() {
		Long bytes = this.jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
		return new RetentionStatus(this.settings, Objects.requireNonNullElse(bytes, 0L), this.lastRun);
	}

	@FunctionalInterface
	private interface Batch {

		int run();

	}

	/**
	 * A scan as retention compares it with the one before.
	 */
	private record Kept(ScanFingerprint scan, LocalDate day, String findings) {

		static Kept of(Mark mark) {
			return new Kept(mark.scan(), LocalDate.ofInstant(mark.scan().startedAt(), ZoneOffset.UTC), mark.findings());
		}

		boolean differsFrom(Kept before) {
			return !this.day.equals(before.day) || !this.scan.fingerprint().equals(before.scan.fingerprint())
					|| !this.findings.equals(before.findings);
		}

	}

}
