package dev.tlswatch.retention;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import dev.tlswatch.scan.ScanFingerprint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code retention_progress} table (V76): per endpoint, the last scan its walk
 * compared and the last one it kept. Writes run in the caller's transaction, the one that
 * deletes the batch they cover.
 */
@Component
class RetentionProgress {

	private final JdbcTemplate jdbc;

	RetentionProgress(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every endpoint's mark.
	 * @return the marks by endpoint id
	 */
	Map<Long, Mark> all() {
		Map<Long, Mark> marks = new HashMap<>();
		this.jdbc.query("""
				select endpoint_id, last_scan_id, last_started_at, last_fingerprint, last_findings, kept_scan_id
				from retention_progress""", (rs) -> {
			marks.put(rs.getLong("endpoint_id"),
					new Mark(
							new ScanFingerprint(rs.getLong("last_scan_id"),
									rs.getTimestamp("last_started_at").toInstant(), rs.getString("last_fingerprint")),
							rs.getString("last_findings"), rs.getLong("kept_scan_id")));
		});
		return marks;
	}

	/**
	 * Stores an endpoint's mark, provided the stored one is still the one the walk
	 * started from: a mark the database forgot meanwhile (a scan stored before it, its
	 * kept scan deleted) stays forgotten.
	 * @param endpointId the endpoint
	 * @param from the mark the walk resumed from, {@code null} when it started from the
	 * oldest scan
	 * @param to the new mark
	 * @return whether it was stored
	 */
	boolean advance(long endpointId, Mark from, Mark to) {
		return update(endpointId, to, from.scan().scanId()) == 1;
	}

	/**
	 * Stores the first mark of a walk from the oldest scan, replacing any.
	 * @param endpointId the endpoint
	 * @param to the mark
	 */
	void start(long endpointId, Mark to) {
		this.jdbc.update("""
				insert into retention_progress (endpoint_id, last_scan_id, last_started_at, last_fingerprint,
				    last_findings, kept_scan_id)
				values (?, ?, ?, ?, ?, ?)
				on conflict (endpoint_id) do update set last_scan_id = excluded.last_scan_id,
				    last_started_at = excluded.last_started_at, last_fingerprint = excluded.last_fingerprint,
				    last_findings = excluded.last_findings, kept_scan_id = excluded.kept_scan_id, updated_at = now()
				""", endpointId, to.scan().scanId(), Timestamp.from(to.scan().startedAt()), to.scan().fingerprint(),
				to.findings(), to.keptScanId());
	}

	private int update(long endpointId, Mark to, long expectedScanId) {
		return this.jdbc.update("""
				update retention_progress set last_scan_id = ?, last_started_at = ?, last_fingerprint = ?,
				    last_findings = ?, kept_scan_id = ?, updated_at = now()
				where endpoint_id = ? and last_scan_id = ?
				""", to.scan().scanId(), Timestamp.from(to.scan().startedAt()), to.scan().fingerprint(), to.findings(),
				to.keptScanId(), endpointId, expectedScanId);
	}

	/**
	 * Where an endpoint's walk stopped.
	 *
	 * @param scan the last scan it compared, with its fingerprint
	 * @param findings that scan's findings key
	 * @param keptScanId the last scan it kept
	 */
	record Mark(ScanFingerprint scan, String findings, long keptScanId) {
	}

}
