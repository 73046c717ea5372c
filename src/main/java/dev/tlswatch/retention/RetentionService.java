package dev.tlswatch.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tlswatch.audit.AuditRetention;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.notify.OutboxRetention;
import dev.tlswatch.scan.ScanFingerprint;
import dev.tlswatch.scan.ScanRetention;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One retention run: per endpoint, walks its scans older than
 * {@code tlswatch.retention.scans-in-full} oldest first a page at a time, keeps the first
 * of each day and every scan whose fingerprint or findings differ from the scan before,
 * and deletes the rest; then certificates no scan references, delivered outbox rows and
 * old audit events. Every read and delete is its own short transaction, so no lock is
 * held for long.
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

	private final Clock clock;

	private volatile @Nullable RetentionReport lastRun;

	RetentionService(ScanRetention scans, Findings findings, OutboxRetention outbox, AuditRetention audit,
			RetentionSettings settings, JdbcTemplate jdbc, Clock clock) {
		this.scans = scans;
		this.findings = findings;
		this.outbox = outbox;
		this.audit = audit;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public RetentionReport runNow() {
		Instant started = this.clock.instant();
		Instant scanCutoff = started.minus(this.settings.scansInFull());
		long scansDeleted = 0;
		for (long endpointId : this.scans.endpointsWithScansBefore(scanCutoff)) {
			scansDeleted += pruneEndpoint(endpointId, scanCutoff);
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

	private long pruneEndpoint(long endpointId, Instant cutoff) {
		int limit = this.settings.batchSize();
		long deleted = 0;
		Kept previous = null;
		List<ScanFingerprint> page = this.scans.oldScans(endpointId, cutoff, limit);
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
				previous = current;
			}
			deleted += this.scans.deleteScans(doomed);
			if (page.size() < limit) {
				break;
			}
			page = this.scans.oldScans(endpointId, cutoff, page.get(page.size() - 1), limit);
		}
		return deleted;
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

		boolean differsFrom(Kept before) {
			return !this.day.equals(before.day) || !this.scan.fingerprint().equals(before.scan.fingerprint())
					|| !this.findings.equals(before.findings);
		}

	}

}
