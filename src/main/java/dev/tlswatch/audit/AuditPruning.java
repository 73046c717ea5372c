package dev.tlswatch.audit;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes old audit events in bounded batches, oldest first.
 */
@Component
class AuditPruning implements AuditRetention {

	private final NamedParameterJdbcTemplate jdbc;

	AuditPruning(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public int deleteBefore(Instant before, int limit) {
		return this.jdbc.update("""
				delete from audit_event where id in (
				    select id from audit_event where occurred_at < :before order by occurred_at limit :limit)
				""", new MapSqlParameterSource().addValue("before", Timestamp.from(before)).addValue("limit", limit));
	}

}
