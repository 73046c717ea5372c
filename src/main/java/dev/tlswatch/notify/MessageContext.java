package dev.tlswatch.notify;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What routing and the chat and paging formats need to know about a message, as plain
 * values: the notify module knows nothing of findings or alert rules.
 *
 * @param severity how urgent it is
 * @param tags the endpoint's tags (lower case), for routing by tag
 * @param endpoint the endpoint's display name, {@code null} for messages about TLSWatch
 * itself or about many endpoints
 * @param alertId the alert the message is about, {@code null} for others (a digest, a
 * test); the paging services' de-duplication key
 * @param alertState the alert's state as the sender names it (for example {@code OPEN},
 * {@code RESOLVED}); {@code RESOLVED} resolves the incident on PagerDuty and closes it on
 * Opsgenie
 * @param link where to see it in the dashboard, {@code null} when none
 */
public record MessageContext(MessageSeverity severity, List<String> tags, @Nullable String endpoint,
		@Nullable Long alertId, @Nullable String alertState, @Nullable String link) {

	/** A message about nothing in particular: {@code INFO}, no tags, no alert. */
	public static final MessageContext NONE = new MessageContext(MessageSeverity.INFO, List.of(), null, null, null,
			null);

	public MessageContext {
		tags = tags.stream()
			.map((tag) -> tag.strip().toLowerCase(Locale.ROOT))
			.filter((tag) -> !tag.isEmpty())
			.toList();
	}

	/**
	 * Whether the alert this message is about has been resolved.
	 * @return whether its state is {@code RESOLVED}
	 */
	public boolean resolved() {
		return "RESOLVED".equalsIgnoreCase(this.alertState);
	}

}
