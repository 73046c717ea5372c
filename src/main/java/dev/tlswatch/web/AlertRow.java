package dev.tlswatch.web;

import java.time.Instant;
import java.util.Map;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertState;
import org.jspecify.annotations.Nullable;

/**
 * One alert in a table: its badges, where it is, what it says and what can be done.
 *
 * @param id the alert
 * @param severity its severity badge
 * @param state its state in words
 * @param rule the rule in words
 * @param endpointId its endpoint, {@code null} for TLSWatch's own alerts
 * @param endpointName the endpoint's display name
 * @param title the headline
 * @param message the sentence
 * @param openedAt when it opened
 * @param acknowledgedBy who acknowledged it
 * @param mutedUntil until when it is muted, {@code null} if not muted now
 * @param active whether it can still be acknowledged or muted
 * @param acknowledgeable whether it is open
 */
record AlertRow(long id, StatusBadge severity, String state, String rule, @Nullable Long endpointId,
		String endpointName, String title, String message, Timestamp openedAt, @Nullable String acknowledgedBy,
		@Nullable Timestamp mutedUntil, boolean active, boolean acknowledgeable) {

	static AlertRow of(AlertDetails alert, Map<Long, String> endpointNames, Instant now) {
		String name = (alert.endpointId() == null) ? "TLSWatch (own network)"
				: endpointNames.getOrDefault(alert.endpointId(), "#" + alert.endpointId());
		return new AlertRow(alert.id(), StatusBadge.of(alert.severity()), state(alert.state()), alert.rule().label(),
				alert.endpointId(), name, alert.title(), alert.message(), Timestamp.of(alert.openedAt()),
				alert.acknowledgedBy(), alert.mutedAt(now) ? Timestamp.of(alert.mutedUntil()) : null, alert.active(),
				alert.state() == AlertState.OPEN);
	}

	private static String state(AlertState state) {
		return switch (state) {
			case OPEN -> "Open";
			case ACKNOWLEDGED -> "Acknowledged";
			case RESOLVED -> "Resolved";
		};
	}

}
