package dev.tlswatch.web;

import java.util.List;

import dev.tlswatch.notify.DeliveryStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the settings page shows of delivery.
 *
 * @param mailEnabled whether an SMTP server is configured
 * @param mailFrom the sender
 * @param mailRecipients the global recipients
 * @param webhookEnabled whether a webhook URL is configured
 * @param webhookTarget its scheme and host only
 * @param pending deliveries not done yet
 * @param failing deliveries not done yet whose last attempt failed
 * @param sent deliveries done
 * @param lastError the latest failure
 * @param lastErrorAt when
 */
record SettingsView(boolean mailEnabled, @Nullable String mailFrom, List<String> mailRecipients, boolean webhookEnabled,
		@Nullable String webhookTarget, long pending, long failing, long sent, @Nullable String lastError,
		@Nullable Timestamp lastErrorAt) {

	static SettingsView of(DeliveryStatus status) {
		return new SettingsView(status.mailEnabled(), status.mailFrom(), status.mailRecipients(),
				status.webhookEnabled(), status.webhookTarget(), status.pending(), status.failing(), status.sent(),
				status.lastError(), (status.lastErrorAt() != null) ? Timestamp.of(status.lastErrorAt()) : null);
	}

	public StatusLabel mailBadge() {
		return this.mailEnabled ? new StatusLabel("On", "badge badge--ok")
				: new StatusLabel("Off", "badge badge--muted");
	}

	public StatusLabel webhookBadge() {
		return this.webhookEnabled ? new StatusLabel("On", "badge badge--ok")
				: new StatusLabel("Off", "badge badge--muted");
	}

	/**
	 * An on/off label.
	 *
	 * @param label the text
	 * @param cssClass its classes
	 */
	record StatusLabel(String label, String cssClass) {
	}

}
