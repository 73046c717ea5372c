package dev.tlswatch.notify;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes delivered outbox rows in bounded batches; pending ones are never touched.
 */
@Component
class OutboxPruning implements OutboxRetention {

	private final NamedParameterJdbcTemplate jdbc;

	OutboxPruning(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public int deleteDelivered(Instant sentBefore, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("before", Timestamp.from(sentBefore))
			.addValue("limit", limit);
		int deliveries = this.jdbc.update("""
				delete from notify_outbox where id in (
				    select id from notify_outbox where status = 'SENT' and sent_at < :before limit :limit)
				""", params);
		this.jdbc.update("""
				delete from notify_message where id in (
				    select m.id from notify_message m
				    where m.created_at < :before
				      and not exists (select 1 from notify_outbox o where o.message_id = m.id)
				    limit :limit)
				""", params);
		return deliveries;
	}

}
