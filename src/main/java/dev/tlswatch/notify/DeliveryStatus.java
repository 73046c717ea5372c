package dev.tlswatch.notify;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How delivery is configured and how it is going.
 *
 * @param mailEnabled whether an SMTP server is configured
 * @param mailFrom the sender address, {@code null} when mail is off
 * @param mailRecipients the global recipients
 * @param webhookEnabled whether a webhook URL is configured
 * @param pending messages not delivered yet on some channel
 * @param failing pending messages whose last attempt failed
 * @param lastError the latest delivery error, {@code null} when none; never contains
 * secrets
 * @param lastErrorAt when it happened
 * @param webhookTarget the webhook URL's scheme, host and port (never its path or query,
 * which may hold a token); {@code null} when the webhook is off
 * @param sent deliveries completed (one per message and channel)
 */
public record DeliveryStatus(boolean mailEnabled, @Nullable String mailFrom, List<String> mailRecipients,
		boolean webhookEnabled, long pending, long failing, @Nullable String lastError, @Nullable Instant lastErrorAt,
		@Nullable String webhookTarget, long sent) {

	public DeliveryStatus {
		mailRecipients = List.copyOf(mailRecipients);
	}

	/**
	 * The status without webhook target and sent count (the first version's fields).
	 * @param mailEnabled whether an SMTP server is configured
	 * @param mailFrom the sender address
	 * @param mailRecipients the global recipients
	 * @param webhookEnabled whether a webhook URL is configured
	 * @param pending messages not delivered yet on some channel
	 * @param failing pending messages whose last attempt failed
	 * @param lastError the latest delivery error
	 * @param lastErrorAt when it happened
	 */
	public DeliveryStatus(boolean mailEnabled, @Nullable String mailFrom, List<String> mailRecipients,
			boolean webhookEnabled, long pending, long failing, @Nullable String lastError,
			@Nullable Instant lastErrorAt) {
		this(mailEnabled, mailFrom, mailRecipients, webhookEnabled, pending, failing, lastError, lastErrorAt, null, 0);
	}

}
