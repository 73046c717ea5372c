package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.notify.DeliveryStatus;
import org.jspecify.annotations.Nullable;

/**
 * Delivery configuration and outbox state.
 *
 * @param mail the mail channel
 * @param webhook the webhook channel
 * @param outbox deliveries by state (one per message and channel)
 * @param lastError the latest failed attempt, {@code null} when none
 */
record NotifyStatusResponse(Mail mail, Webhook webhook, Outbox outbox, @Nullable LastError lastError) {

	static NotifyStatusResponse of(DeliveryStatus status) {
		String error = status.lastError();
		Instant errorAt = status.lastErrorAt();
		return new NotifyStatusResponse(new Mail(status.mailEnabled(), status.mailFrom(), status.mailRecipients()),
				new Webhook(status.webhookEnabled(), status.webhookTarget()),
				new Outbox(status.pending(), status.failing(), status.sent()),
				(error != null && errorAt != null) ? new LastError(error, errorAt) : null);
	}

	/**
	 * The mail channel.
	 *
	 * @param enabled whether an SMTP server is configured ({@code spring.mail.host})
	 * @param from the sender, {@code null} when off
	 * @param recipients the global recipients
	 */
	record Mail(boolean enabled, @Nullable String from, List<String> recipients) {
	}

	/**
	 * The webhook channel.
	 *
	 * @param enabled whether a URL is configured
	 * @param target the URL's scheme, host and port only
	 */
	record Webhook(boolean enabled, @Nullable String target) {
	}

	/**
	 * Deliveries by state.
	 *
	 * @param pending not delivered yet
	 * @param failing not delivered yet, and the last attempt failed
	 * @param sent delivered
	 */
	record Outbox(long pending, long failing, long sent) {
	}

	/**
	 * The latest failed attempt.
	 *
	 * @param message what went wrong
	 * @param at when
	 */
	record LastError(String message, Instant at) {
	}

}
