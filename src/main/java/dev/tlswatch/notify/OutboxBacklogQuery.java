package dev.tlswatch.notify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts pending deliveries with the partial index on pending rows.
 */
@Component
class OutboxBacklogQuery implements OutboxBacklog {

	private final JdbcTemplate jdbc;

	private final NotificationChannels channels;

	OutboxBacklogQuery(JdbcTemplate jdbc, NotificationChannels channels) {
		this.jdbc = jdbc;
		this.channels = channels;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> pendingByChannel() {
		Map<String, Long> counts = new HashMap<>();
		// Every channel has a series, zero when nothing waits for it
		for (ChannelDefinition channel : this.channels.channels()) {
			counts.put(name(channel.name()), 0L);
		}
		this.jdbc.query(
				"select channel_name, count(*) as n from notify_outbox where status = 'PENDING' group by channel_name",
				(row) -> {
					counts.put(name(row.getString("channel_name")), row.getLong("n"));
				});
		return Map.copyOf(counts);
	}

	private static String name(String channel) {
		return channel.toLowerCase(Locale.ROOT);
	}

}
