package dev.tlswatch.finding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads {@code finding_status} by judgement time.
 */
@Component
class VerdictFeedQuery implements VerdictFeed {

	private final JdbcTemplate jdbc;

	VerdictFeedQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Verdict> judgedSince(Instant since, int limit) {
		return this.jdbc.query("""
				select endpoint_id, scan_id, status, judged_at from finding_status
				where judged_at >= ? order by judged_at, endpoint_id limit ?""",
				(rs, n) -> new Verdict(rs.getLong("endpoint_id"), rs.getLong("scan_id"),
						EndpointStatus.valueOf(rs.getString("status")), rs.getTimestamp("judged_at").toInstant()),
				Timestamp.from(since), limit);
	}

}
