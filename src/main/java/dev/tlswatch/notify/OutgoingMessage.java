package dev.tlswatch.notify;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message to deliver on every configured channel: by mail to the global recipients plus
 * {@link #recipients()}, and as a webhook POST.
 *
 * @param key idempotency key: a second message with the same key is never queued (for
 * example {@code alert-42-opened} or {@code alert-42-escalated-3})
 * @param subject the mail subject, also the webhook's headline
 * @param text the plain-text body, also the webhook's {@code text} field
 * @param html the HTML body, already escaped; {@code null} for text-only mail
 * @param recipients mail addresses beyond the global list (per endpoint, tag or owner)
 * @param attributes extra fields for the webhook's JSON document (for example
 * {@code severity}, {@code endpoint}, {@code link})
 */
public record OutgoingMessage(String key, String subject, String text, @Nullable String html, List<String> recipients,
		Map<String, String> attributes) {

	public OutgoingMessage {
		if (key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("Message key must have 1 to 200 characters");
		}
		recipients = List.copyOf(recipients);
		attributes = Map.copyOf(attributes);
	}

}
