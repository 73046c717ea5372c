package dev.tlswatch.notify;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The channels added on {@code /settings} ({@code notify_channel}), in SQL. Every method
 * runs in the caller's transaction.
 */
@Repository
class ChannelStore {

	private final JdbcClient jdbc;

	ChannelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ChannelDefinition> findAll() {
		return this.jdbc.sql("""
				select name, type, url, secret, min_severity, tags, recipients, chat_id
				from notify_channel order by name""").query(ChannelStore::definition).list();
	}

	Optional<ChannelDefinition> find(String name) {
		return this.jdbc.sql("""
				select name, type, url, secret, min_severity, tags, recipients, chat_id
				from notify_channel where name = :name""")
			.param("name", name)
			.query(ChannelStore::definition)
			.optional();
	}

	/**
	 * Inserts the channel or replaces the one of the same name.
	 */
	void upsert(ChannelDefinition channel, Instant now) {
		this.jdbc.sql("""
				insert into notify_channel (name, type, url, secret, min_severity, tags, recipients, chat_id,
				    created_at, updated_at)
				values (:name, :type, :url, :secret, :severity, :tags, :recipients, :chat, :now, :now)
				on conflict (name) do update set type = excluded.type, url = excluded.url, secret = excluded.secret,
				    min_severity = excluded.min_severity, tags = excluded.tags, recipients = excluded.recipients,
				    chat_id = excluded.chat_id, updated_at = excluded.updated_at""")
			.param("name", channel.name())
			.param("type", channel.type().name())
			.param("url", (channel.url() != null) ? channel.url().toString() : null)
			.param("secret", channel.secret())
			.param("severity", channel.minSeverity().name())
			.param("tags", String.join("\n", channel.tags()))
			.param("recipients", String.join("\n", channel.to()))
			.param("chat", channel.chatId())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Deletes the channel and its deliveries not sent yet (nothing would send them).
	 * @return whether it existed
	 */
	boolean delete(String name) {
		this.jdbc.sql("delete from notify_outbox where channel_name = :name and status = 'PENDING'")
			.param("name", name)
			.update();
		return this.jdbc.sql("delete from notify_channel where name = :name").param("name", name).update() > 0;
	}

	private static ChannelDefinition definition(ResultSet rs, int row) throws SQLException {
		String url = rs.getString("url");
		return new ChannelDefinition(rs.getString("name"), ChannelType.valueOf(rs.getString("type")),
				(url != null) ? URI.create(url) : null, rs.getString("secret"),
				MessageSeverity.valueOf(rs.getString("min_severity")), lines(rs.getString("tags")),
				lines(rs.getString("recipients")), rs.getString("chat_id"), ChannelDefinition.Origin.DASHBOARD);
	}

	private static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
	}

}
