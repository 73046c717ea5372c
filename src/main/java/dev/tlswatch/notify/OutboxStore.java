package dev.tlswatch.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables ({@code notify_message}, {@code notify_outbox}) in SQL. Every method
 * runs in the caller's transaction.
 */
@Repository
class OutboxStore {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	OutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a message unless its key is known.
	 * @return the new row's id, empty for a known key
	 */
	Optional<Long> insertMessage(OutgoingMessage message, String subject, Instant now) {
		return this.jdbc.sql("""
				insert into notify_message (message_key, subject, body_text, body_html, attributes, context, created_at)
				values (:key, :subject, :text, :html, cast(:attributes as jsonb), cast(:context as jsonb), :now)
				on conflict (message_key) do nothing
				returning id""")
			.param("key", message.key())
			.param("subject", subject)
			.param("text", message.text())
			.param("html", message.html())
			.param("attributes", json.writeValueAsString(message.attributes()))
			.param("context", json.writeValueAsString(message.context()))
			.param("now", utc(now))
			.query(Long.class)
			.optional();
	}

	void insertDelivery(long messageId, ChannelDefinition channel, String deliveryId, @Nullable String mailFrom,
			List<String> recipients, Instant now) {
		this.jdbc.sql("""
				insert into notify_outbox (message_id, channel, channel_name, delivery_id, mail_from, recipients,
				    next_attempt_at, created_at)
				values (:message, :channel, :name, :delivery, :from, :recipients, :now, :now)""")
			.param("message", messageId)
			.param("channel", channel.type().name())
			.param("name", channel.name())
			.param("delivery", deliveryId)
			.param("from", mailFrom)
			.param("recipients", recipients.isEmpty() ? null : String.join("\n", recipients))
			.param("now", utc(now))
			.update();
	}

	/**
	 * Locks the next due delivery on one of the channels, skipping rows that another
	 * transaction (on this or another node) holds; the lock lasts until the caller's
	 * transaction ends.
	 */
	Optional<Delivery> claimNext(Collection<String> channels, Instant now) {
		if (channels.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select o.id, o.channel, o.channel_name, o.delivery_id, o.attempts, o.mail_from, o.recipients,
				       m.message_key, m.subject, m.body_text, m.body_html, m.attributes::text as attributes,
				       m.context::text as context
				from notify_outbox o join notify_message m on m.id = o.message_id
				where o.status = 'PENDING' and o.next_attempt_at <= :now and o.channel_name in (:channels)
				order by o.next_attempt_at, o.id
				limit 1
				for update of o skip locked""")
			.param("now", utc(now))
			.param("channels", List.copyOf(channels))
			.query(OutboxStore::delivery)
			.optional();
	}

	void markSent(long id, Instant now) {
		this.jdbc.sql("""
				update notify_outbox
				set status = 'SENT', attempts = attempts + 1, last_attempt_at = :now, sent_at = :now
				where id = :id and status = 'PENDING'""").param("id", id).param("now", utc(now)).update();
	}

	void markFailed(long id, Instant now, String error, Instant nextAttempt) {
		this.jdbc.sql("""
				update notify_outbox
				set attempts = attempts + 1, last_attempt_at = :now, last_error = :error, last_error_at = :now,
				    next_attempt_at = :next
				where id = :id and status = 'PENDING'""")
			.param("id", id)
			.param("now", utc(now))
			.param("error", error)
			.param("next", utc(nextAttempt))
			.update();
	}

	Counts counts() {
		return this.jdbc.sql("""
				select count(*) filter (where status = 'PENDING') as pending,
				       count(*) filter (where status = 'PENDING' and attempts > 0) as failing,
				       count(*) filter (where status = 'SENT') as sent
				from notify_outbox""")
			.query((rs, row) -> new Counts(rs.getLong("pending"), rs.getLong("failing"), rs.getLong("sent")))
			.single();
	}

	Optional<LastError> lastError() {
		return this.jdbc.sql("""
				select last_error, last_error_at from notify_outbox
				where last_error_at is not null
				order by last_error_at desc, id desc
				limit 1""")
			.query((rs, row) -> new LastError(rs.getString("last_error"), instant(rs, "last_error_at")))
			.optional();
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		String recipients = rs.getString("recipients");
		String context = rs.getString("context");
		return new Delivery(rs.getLong("id"), rs.getString("channel_name"),
				ChannelType.valueOf(rs.getString("channel")), rs.getString("delivery_id"), rs.getInt("attempts"),
				rs.getString("mail_from"), (recipients != null) ? Arrays.asList(recipients.split("\n")) : List.of(),
				rs.getString("message_key"), rs.getString("subject"), rs.getString("body_text"),
				rs.getString("body_html"), json.readValue(rs.getString("attributes"), ATTRIBUTES),
				(context != null) ? json.readValue(context, MessageContext.class) : MessageContext.NONE);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * Outbox rows by state.
	 *
	 * @param pending not delivered yet
	 * @param failing not delivered yet, and the last attempt failed
	 * @param sent delivered
	 */
	record Counts(long pending, long failing, long sent) {
	}

	/**
	 * The latest failed attempt.
	 *
	 * @param error what went wrong
	 * @param at when
	 */
	record LastError(String error, Instant at) {
	}

}
