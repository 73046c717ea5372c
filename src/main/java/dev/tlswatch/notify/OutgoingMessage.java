package dev.tlswatch.notify;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message to deliver on every channel whose routing accepts it (see
 * {@link MessageContext}): by mail to each mail channel's recipients plus
 * {@link #recipients()}, and in each other channel's format.
 *
 * @param key idempotency key: a second message with the same key is never queued (for
 * example {@code alert-42-opened} or {@code alert-42-escalated-3})
 * @param subject the mail subject, also the chat formats' headline
 * @param text the plain-text body, also the webhook's {@code text} field
 * @param html the HTML body, already escaped; {@code null} for text-only mail
 * @param recipients mail addresses beyond the mail channels' own (per endpoint, tag or
 * owner)
 * @param attributes extra fields for the webhook's JSON document (for example
 * {@code severity}, {@code endpoint}, {@code link})
 * @param context severity, tags, endpoint and alert, for routing and formats
 */
public record OutgoingMessage(String key, String subject, String text, @Nullable String html, List<String> recipients,
		Map<String, String> attributes, MessageContext context) {

	public OutgoingMessage {
		if (key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("Message key must have 1 to 200 characters");
		}
		recipients = List.copyOf(recipients);
		attributes = Map.copyOf(attributes);
	}

	/**
	 * A message without context: {@code INFO}, no tags, no alert.
	 * @param key idempotency key
	 * @param subject the subject
	 * @param text the plain-text body
	 * @param html the HTML body
	 * @param recipients extra mail recipients
	 * @param attributes extra fields for the webhook
	 */
	public OutgoingMessage(String key, String subject, String text, @Nullable String html, List<String> recipients,
			Map<String, String> attributes) {
		this(key, subject, text, html, recipients, attributes, MessageContext.NONE);
	}

}
