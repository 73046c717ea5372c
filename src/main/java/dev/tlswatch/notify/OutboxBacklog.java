package dev.tlswatch.notify;

import java.util.Map;

/**
 * How many deliveries wait in the outbox, for metrics: one grouped query.
 */
public interface OutboxBacklog {

	/**
	 * The deliveries not sent yet, by channel.
	 * @return pending deliveries by channel name (lower case, e.g. {@code mail}); every
	 * channel this version knows has an entry, zero where none is pending
	 */
	Map<String, Long> pendingByChannel();

}
