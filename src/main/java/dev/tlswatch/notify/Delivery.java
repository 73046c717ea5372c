package dev.tlswatch.notify;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One outbox row claimed for sending, with its message.
 *
 * @param id the outbox row
 * @param channelName the channel's name
 * @param type the channel's type when the row was queued
 * @param deliveryId the stable Message-ID (mail) or Idempotency-Key (HTTP)
 * @param attempts attempts made before this one
 * @param mailFrom the sender, mail only
 * @param recipients the recipients, mail only
 * @param key the message's idempotency key
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body, if any
 * @param attributes the message's extra fields
 * @param context severity, tags, endpoint and alert
 */
record Delivery(long id, String channelName, ChannelType type, String deliveryId, int attempts,
		@Nullable String mailFrom, List<String> recipients, String key, String subject, String text,
		@Nullable String html, Map<String, String> attributes, MessageContext context) {

	Delivery {
		recipients = List.copyOf(recipients);
		attributes = Map.copyOf(attributes);
	}

}
